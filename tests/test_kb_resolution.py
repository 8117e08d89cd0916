"""Actor resolution against the knowledge base, one mention in one text per case.

Each case is (text, target, code, sector, name[, date]): the mention whose text
contains ``target`` (the last one, the shortest when several cover it) must
resolve to exactly that PLOVER code, sector and canonical name on the date
(2025-06-12 unless given). ``name`` is None for generic groups; codes and names
joined with "+" ("VNM+LAO", "Vietnam+Laos") list the parties of a plural mention. The cases were
written for legation, not taken from any gold set.
"""

from __future__ import annotations

from datetime import date

import pytest

from legation.coref import Discourse
from legation.extract import Extractor
from legation.nlp import Parser
from legation.records import Entity

ON = "2025-06-12"

HEADS = [  # heads of state and government, titles in several styles
    ("U.S. President Donald Trump signed the order on Monday.", "Trump", "USA", "GOV", "Donald Trump"),
    ("President of France Emmanuel Macron arrived in Berlin.", "Macron", "FRA", "GOV", "Emmanuel Macron"),
    ("Respected Comrade Kim Jong Un inspected the munitions factory.", "Kim Jong Un", "PRK", "GOV", "Kim Jong Un"),
    ("His Majesty King Abdullah II received the delegation in Amman.", "Abdullah", "JOR", "GOV", "Abdullah II"),
    ("Premier Li Qiang chaired a State Council meeting.", "Li Qiang", "CHN", "GOV", "Li Qiang"),
    ("Chancellor Friedrich Merz spoke in the Bundestag.", "Merz", "DEU", "GOV", "Friedrich Merz"),
    ("Emir Tamim bin Hamad Al Thani hosted the mediators.", "Tamim", "QAT", "GOV", "Tamim bin Hamad Al Thani"),
    ("Chinese President Xi Jinping called for restraint.", "Xi", "CHN", "GOV", "Xi Jinping"),
    ("Indian Prime Minister Narendra Modi visited Washington.", "Modi", "IND", "GOV", "Narendra Modi"),
    ("Prime Minister Shigeru Ishiba of Japan met the press.", "Ishiba", "JPN", "GOV", "Shigeru Ishiba"),
    ("Japanese Emperor Naruhito received a message of condolence.", "Naruhito", "JPN", "GOV", "Naruhito"),
    ("Turkish President Recep Tayyip Erdogan criticised the plan.", "Erdogan", "TUR", "GOV", "Recep Tayyip Erdoğan"),
    ("Brazilian President Luiz Inacio Lula da Silva vetoed the bill.", "Lula", "BRA", "GOV", "Luiz Inácio Lula da Silva"),
    ("Israeli Prime Minister Benjamin Netanyahu convened the cabinet.", "Netanyahu", "ISR", "GOV", "Benjamin Netanyahu"),
    ("Iranian President Masoud Pezeshkian addressed parliament.", "Pezeshkian", "IRN", "GOV", "Masoud Pezeshkian"),
    ("Iran's Supreme Leader Ayatollah Ali Khamenei issued a warning.", "Khamenei", "IRN", "GOV", "Ali Khamenei"),
    ("Ukrainian President Volodymyr Zelensky thanked the allies.", "Zelensky", "UKR", "GOV", "Volodymyr Zelenskyy"),
    ("British Prime Minister Keir Starmer announced new sanctions.", "Starmer", "GBR", "GOV", "Keir Starmer"),
    ("King Charles III opened the session.", "Charles", "GBR", "GOV", "Charles III"),
    ("Italian Prime Minister Giorgia Meloni met the migrants' envoy.", "Meloni", "ITA", "GOV", "Giorgia Meloni"),
    ("Spanish Prime Minister Pedro Sanchez recognised the state.", "Sanchez", "ESP", "GOV", "Pedro Sánchez"),
    ("Canadian Prime Minister Mark Carney rejected the tariffs.", "Carney", "CAN", "GOV", "Mark Carney"),
    ("Australian Prime Minister Anthony Albanese visited Beijing.", "Albanese", "AUS", "GOV", "Anthony Albanese"),
    ("South African President Cyril Ramaphosa hosted the summit.", "Ramaphosa", "ZAF", "GOV", "Cyril Ramaphosa"),
    ("Nigerian President Bola Tinubu declared a state of emergency.", "Tinubu", "NGA", "GOV", "Bola Tinubu"),
    ("Egyptian President Abdel Fattah al-Sisi received the envoy.", "Sisi", "EGY", "GOV", "Abdel Fattah el-Sisi"),
    ("Saudi Crown Prince Mohammed bin Salman met the delegation.", "Mohammed bin Salman", "SAU", "GOV", "Mohammed bin Salman"),
    ("Mexican President Claudia Sheinbaum spoke with Trump.", "Sheinbaum", "MEX", "GOV", "Claudia Sheinbaum"),
    ("Argentine President Javier Milei cut spending.", "Milei", "ARG", "GOV", "Javier Milei"),
    ("Indonesian President Prabowo Subianto arrived in Moscow.", "Prabowo", "IDN", "GOV", "Prabowo Subianto"),
    ("South Korean President Lee Jae-myung took office.", "Lee", "KOR", "GOV", "Lee Jae-myung"),
    ("Vietnamese Prime Minister Pham Minh Chinh visited Vientiane.", "Chinh", "VNM", "GOV", "Pham Minh Chinh"),
    ("Lao President Thongloun Sisoulith welcomed the guests.", "Thongloun", "LAO", "GOV", "Thongloun Sisoulith"),
    ("Syrian President Ahmed al-Sharaa met the Saudi crown prince.", "Sharaa", "SYR", "GOV", "Ahmed al-Sharaa"),
    ("Belarusian President Alexander Lukashenko pardoned the prisoners.", "Lukashenko", "BLR", "GOV", "Alexander Lukashenko"),
    ("Cuban President Miguel Diaz-Canel denounced the blockade.", "Diaz-Canel", "CUB", "GOV", "Miguel Díaz-Canel"),
    ("Miguel Diaz-Canel Bermudez, president of the Republic of Cuba, sent a message.", "Diaz-Canel", "CUB", "GOV", "Miguel Díaz-Canel"),
    ("Polish President Andrzej Duda vetoed the law.", "Duda", "POL", "GOV", "Andrzej Duda"),
    ("Hungarian Prime Minister Viktor Orban blocked the aid.", "Orban", "HUN", "GOV", "Viktor Orbán"),
    ("Kenyan President William Ruto deployed police to Haiti.", "Ruto", "KEN", "GOV", "William Ruto"),
    ("Ethiopian Prime Minister Abiy Ahmed opened the dam.", "Abiy", "ETH", "GOV", "Abiy Ahmed"),
    ("Pakistani Prime Minister Shehbaz Sharif addressed the nation.", "Sharif", "PAK", "GOV", "Shehbaz Sharif"),
    ("Afghanistan's supreme leader Hibatullah Akhundzada issued a decree.", "Akhundzada", "AFG", "GOV", "Hibatullah Akhundzada"),
    ("Philippine President Ferdinand Marcos Jr. visited the shoal.", "Marcos", "PHL", "GOV", "Ferdinand Marcos Jr."),
    ("Thai Prime Minister Paetongtarn Shinawatra spoke to Hun Sen.", "Paetongtarn", "THA", "GOV", "Paetongtarn Shinawatra"),
    ("Malaysian Prime Minister Anwar Ibrahim chaired the ASEAN summit.", "Anwar", "MYS", "GOV", "Anwar Ibrahim"),
    ("Singapore's Prime Minister Lawrence Wong won the election.", "Lawrence Wong", "SGP", "GOV", "Lawrence Wong"),
    ("Venezuelan President Nicolas Maduro expelled the diplomats.", "Maduro", "VEN", "GOV", "Nicolás Maduro"),
    ("Colombian President Gustavo Petro suspended the talks.", "Petro", "COL", "GOV", "Gustavo Petro"),
    ("Chilean President Gabriel Boric travelled to Lima.", "Boric", "CHL", "GOV", "Gabriel Boric"),
    ("Peruvian President Dina Boluarte declared an emergency.", "Boluarte", "PER", "GOV", "Dina Boluarte"),
    ("Greek Prime Minister Kyriakos Mitsotakis met Erdogan.", "Mitsotakis", "GRC", "GOV", "Kyriakos Mitsotakis"),
    ("Serbian President Aleksandar Vucic called early elections.", "Vucic", "SRB", "GOV", "Aleksandar Vučić"),
    ("Armenian Prime Minister Nikol Pashinyan signed the accord.", "Pashinyan", "ARM", "GOV", "Nikol Pashinyan"),
    ("Azerbaijani President Ilham Aliyev visited Ankara.", "Aliyev", "AZE", "GOV", "Ilham Aliyev"),
    ("Georgian Prime Minister Irakli Kobakhidze suspended EU talks.", "Kobakhidze", "GEO", "GOV", "Irakli Kobakhidze"),
    ("Kazakh President Kassym-Jomart Tokayev hosted Putin.", "Tokayev", "KAZ", "GOV", "Kassym-Jomart Tokayev"),
    ("Uzbek President Shavkat Mirziyoyev visited Seoul.", "Mirziyoyev", "UZB", "GOV", "Shavkat Mirziyoyev"),
    ("Mongolian President Ukhnaagiin Khurelsukh met Xi.", "Khurelsukh", "MNG", "GOV", "Ukhnaagiin Khürelsükh"),
    ("Rwandan President Paul Kagame denied the accusation.", "Kagame", "RWA", "GOV", "Paul Kagame"),
    ("Congolese President Felix Tshisekedi accused Rwanda.", "Tshisekedi", "COD", "GOV", "Félix Tshisekedi"),
    ("Ghanaian President John Mahama cut the budget.", "Mahama", "GHA", "GOV", "John Mahama"),
    ("Senegalese President Bassirou Diomaye Faye visited Paris.", "Faye", "SEN", "GOV", "Bassirou Diomaye Faye"),
    ("Malian junta leader Assimi Goita dissolved the parties.", "Goita", "MLI", "GOV", "Assimi Goïta"),
    ("Ivorian President Alassane Ouattara met the opposition.", "Ouattara", "CIV", "GOV", "Alassane Ouattara"),
    ("Algerian President Abdelmadjid Tebboune recalled the ambassador.", "Tebboune", "DZA", "GOV", "Abdelmadjid Tebboune"),
    ("Moroccan King Mohammed VI pardoned the journalists.", "Mohammed VI", "MAR", "GOV", "Mohammed VI"),
    ("Tunisian President Kais Saied dismissed the minister.", "Saied", "TUN", "GOV", "Kais Saied"),
    ("Lebanese President Joseph Aoun met the U.S. envoy.", "Aoun", "LBN", "GOV", "Joseph Aoun"),
    ("Iraqi Prime Minister Mohammed Shia al-Sudani visited Tehran.", "Sudani", "IRQ", "GOV", "Mohammed Shia al-Sudani"),
    ("Kuwait's Emir Sheikh Mishal Al-Ahmad Al-Jaber Al-Sabah suspended parliament.", "Mishal", "KWT", "GOV",
     "Mishal Al-Ahmad Al-Jaber Al-Sabah"),
    ("UAE President Sheikh Mohamed bin Zayed Al Nahyan visited Paris.", "Mohamed bin Zayed", "ARE", "GOV",
     "Mohamed bin Zayed Al Nahyan"),
    ("Omani Sultan Haitham bin Tariq received the Iranian envoy.", "Haitham", "OMN", "GOV", "Haitham bin Tariq"),
    ("Sudanese army chief Abdel Fattah al-Burhan rejected the truce.", "Burhan", "SDN", "GOV", "Abdel Fattah al-Burhan"),
    ("South Sudanese President Salva Kiir sacked his deputy.", "Kiir", "SSD", "GOV", "Salva Kiir Mayardit"),
    ("Somali President Hassan Sheikh Mohamud addressed the AU.", "Hassan Sheikh Mohamud", "SOM", "GOV",
     "Hassan Sheikh Mohamud"),
    ("Ugandan President Yoweri Museveni sent troops.", "Museveni", "UGA", "GOV", "Yoweri Museveni"),
    ("Tanzanian President Samia Suluhu Hassan met investors.", "Samia", "TZA", "GOV", "Samia Suluhu Hassan"),
    ("Zimbabwean President Emmerson Mnangagwa visited Minsk.", "Mnangagwa", "ZWE", "GOV", "Emmerson Mnangagwa"),
    ("Finnish President Alexander Stubb spoke to Trump.", "Stubb", "FIN", "GOV", "Alexander Stubb"),
    ("Swedish Prime Minister Ulf Kristersson visited Kyiv.", "Kristersson", "SWE", "GOV", "Ulf Kristersson"),
    ("Norwegian Prime Minister Jonas Gahr Store backed the plan.", "Store", "NOR", "GOV", "Jonas Gahr Støre"),
    ("Danish Prime Minister Mette Frederiksen rejected the offer.", "Frederiksen", "DNK", "GOV", "Mette Frederiksen"),
    ("Dutch Prime Minister Dick Schoof hosted the NATO summit.", "Schoof", "NLD", "GOV", "Dick Schoof"),
    ("Belgian Prime Minister Bart De Wever opposed the plan.", "De Wever", "BEL", "GOV", "Bart De Wever"),
    ("Austrian Chancellor Christian Stocker formed a coalition.", "Stocker", "AUT", "GOV", "Christian Stocker"),
    ("Czech President Petr Pavel visited Taipei's envoy.", "Pavel", "CZE", "GOV", "Petr Pavel"),
    ("Slovak Prime Minister Robert Fico travelled to Moscow.", "Fico", "SVK", "GOV", "Robert Fico"),
    ("Romanian President Nicusor Dan was sworn in.", "Dan", "ROU", "GOV", "Nicușor Dan"),
    ("Bulgarian President Rumen Radev called for a referendum.", "Radev", "BGR", "GOV", "Rumen Radev"),
    ("Moldovan President Maia Sandu accused Moscow.", "Sandu", "MDA", "GOV", "Maia Sandu"),
    ("Estonian Prime Minister Kristen Michal visited Warsaw.", "Michal", "EST", "GOV", "Kristen Michal"),
    ("Latvian President Edgars Rinkevics met NATO officials.", "Rinkevics", "LVA", "GOV", "Edgars Rinkēvičs"),
    ("Lithuanian President Gitanas Nauseda signed the law.", "Nauseda", "LTU", "GOV", "Gitanas Nausėda"),
    ("Irish Taoiseach Micheal Martin visited the White House.", "Martin", "IRL", "GOV", "Micheál Martin"),
    ("Portuguese Prime Minister Luis Montenegro resigned.", "Montenegro", "PRT", "GOV", "Luís Montenegro"),
    ("New Zealand Prime Minister Christopher Luxon visited Beijing.", "Luxon", "NZL", "GOV", "Christopher Luxon"),
    ("Fijian Prime Minister Sitiveni Rabuka apologised.", "Rabuka", "FJI", "GOV", "Sitiveni Rabuka"),
    ("Papua New Guinea Prime Minister James Marape signed the pact.", "Marape", "PNG", "GOV", "James Marape"),
    ("Cambodian Prime Minister Hun Manet closed the border.", "Hun Manet", "KHM", "GOV", "Hun Manet"),
    ("Myanmar junta chief Min Aung Hlaing visited Moscow.", "Min Aung Hlaing", "MMR", "GOV", "Min Aung Hlaing"),
    ("Bangladesh's interim leader Muhammad Yunus met the army chief.", "Yunus", "BGD", "GOV", "Muhammad Yunus"),
    ("Sri Lankan President Anura Kumara Dissanayake visited Delhi.", "Dissanayake", "LKA", "GOV",
     "Anura Kumara Dissanayake"),
    ("Nepal's Prime Minister Khadga Prasad Sharma Oli visited Beijing.", "Oli", "NPL", "GOV",
     "Khadga Prasad Sharma Oli"),
    ("Ecuadorian President Daniel Noboa declared war on the gangs.", "Noboa", "ECU", "GOV", "Daniel Noboa"),
    ("Salvadoran President Nayib Bukele accepted the deportees.", "Bukele", "SLV", "GOV", "Nayib Bukele"),
    ("Panamanian President Jose Raul Mulino rejected the claim.", "Mulino", "PAN", "GOV", "José Raúl Mulino"),
    ("Guatemalan President Bernardo Arevalo met Rubio.", "Arevalo", "GTM", "GOV", "Bernardo Arévalo"),
    ("Bolivian President Luis Arce denounced a coup attempt.", "Arce", "BOL", "GOV", "Luis Arce"),
    ("Paraguayan President Santiago Pena visited Taiwan.", "Pena", "PRY", "GOV", "Santiago Peña"),
    ("Uruguayan President Yamandu Orsi took office.", "Orsi", "URY", "GOV", "Yamandú Orsi"),
    ("Jamaican Prime Minister Andrew Holness called an election.", "Holness", "JAM", "GOV", "Andrew Holness"),
    ("Haitian Prime Minister Alix Didier Fils-Aime appealed for help.", "Fils-Aime", "HTI", "GOV",
     "Alix Didier Fils-Aimé"),
    ("Nicaraguan President Daniel Ortega expelled the nuns.", "Ortega", "NIC", "GOV", "Daniel Ortega"),
    ("Honduran President Xiomara Castro ended the extradition treaty.", "Castro", "HND", "GOV", "Xiomara Castro"),
    ("Dominican President Luis Abinader closed the border with Haiti.", "Abinader", "DOM", "GOV", "Luis Abinader"),
    ("Pope Leo XIV called for a ceasefire.", "Leo", "VAT", "GOV", "Pope Leo XIV"),
    ("Palestinian President Mahmoud Abbas condemned the raid.", "Abbas", "PSE", "GOV", "Mahmoud Abbas"),
]

MINISTERS = [  # foreign and defence ministers, with and without titles
    ("Foreign Minister Wang Yi met his Russian counterpart.", "Wang Yi", "CHN", "GOV", "Wang Yi"),
    ("Russian Foreign Minister Sergei Lavrov arrived in Pyongyang.", "Lavrov", "RUS", "GOV", "Sergey Lavrov"),
    ("Secretary of State Marco Rubio spoke with the Saudi foreign minister.", "Rubio", "USA", "GOV", "Marco Rubio"),
    ("North Korean Foreign Minister Choe Son Hui visited Moscow.", "Choe", "PRK", "GOV", "Choe Son Hui"),
    ("Iranian Foreign Minister Abbas Araghchi flew to Muscat.", "Araghchi", "IRN", "GOV", "Abbas Araghchi"),
    ("External Affairs Minister S. Jaishankar met his Chinese counterpart.", "Jaishankar", "IND", "GOV",
     "Subrahmanyam Jaishankar"),
    ("Turkish Foreign Minister Hakan Fidan hosted the talks.", "Fidan", "TUR", "GOV", "Hakan Fidan"),
    ("Saudi Foreign Minister Prince Faisal bin Farhan visited Damascus.", "Faisal bin Farhan", "SAU", "GOV",
     "Faisal bin Farhan Al Saud"),
    ("Israeli Foreign Minister Gideon Saar summoned the envoy.", "Saar", "ISR", "GOV", "Gideon Sa'ar"),
    ("Foreign Secretary David Lammy announced the sanctions.", "Lammy", "GBR", "GOV", "David Lammy"),
    ("German Foreign Minister Johann Wadephul visited Kyiv.", "Wadephul", "DEU", "GOV", "Johann Wadephul"),
    ("French Foreign Minister Jean-Noel Barrot met the Algerian minister.", "Barrot", "FRA", "GOV",
     "Jean-Noël Barrot"),
    ("Ukrainian Foreign Minister Andrii Sybiha called for more air defence.", "Sybiha", "UKR", "GOV",
     "Andrii Sybiha"),
    ("Japanese Foreign Minister Takeshi Iwaya protested.", "Iwaya", "JPN", "GOV", "Takeshi Iwaya"),
    ("Egyptian Foreign Minister Badr Abdelatty met the Qatari prime minister.", "Abdelatty", "EGY", "GOV",
     "Badr Abdelatty"),
    ("Syrian Foreign Minister Asaad al-Shaibani visited Riyadh.", "Shaibani", "SYR", "GOV", "Asaad al-Shaibani"),
    ("Cuban Foreign Minister Bruno Rodriguez addressed the General Assembly.", "Rodriguez", "CUB", "GOV",
     "Bruno Rodríguez Parrilla"),
    ("Vietnamese Foreign Minister Bui Thanh Son received the ambassador.", "Bui Thanh Son", "VNM", "GOV",
     "Bui Thanh Son"),
    ("Belarusian Foreign Minister Maxim Ryzhenkov visited Beijing.", "Ryzhenkov", "BLR", "GOV", "Maxim Ryzhenkov"),
    ("Australian Foreign Minister Penny Wong visited Suva.", "Penny Wong", "AUS", "GOV", "Penny Wong"),
    ("Brazilian Foreign Minister Mauro Vieira hosted the BRICS meeting.", "Vieira", "BRA", "GOV", "Mauro Vieira"),
    ("Canadian Foreign Minister Anita Anand met Rubio.", "Anand", "CAN", "GOV", "Anita Anand"),
    ("Italian Foreign Minister Antonio Tajani called for calm.", "Tajani", "ITA", "GOV", "Antonio Tajani"),
    ("Spanish Foreign Minister Jose Manuel Albares condemned the attack.", "Albares", "ESP", "GOV",
     "José Manuel Albares"),
    ("Moroccan Foreign Minister Nasser Bourita welcomed the decision.", "Bourita", "MAR", "GOV", "Nasser Bourita"),
    ("Algerian Foreign Minister Ahmed Attaf met his French counterpart.", "Attaf", "DZA", "GOV", "Ahmed Attaf"),
    ("Jordanian Foreign Minister Ayman Safadi warned Israel.", "Safadi", "JOR", "GOV", "Ayman Safadi"),
    ("Omani Foreign Minister Badr Albusaidi announced the next round.", "Albusaidi", "OMN", "GOV",
     "Badr Albusaidi"),
    ("Pakistani Foreign Minister Ishaq Dar spoke to Wang Yi.", "Dar", "PAK", "GOV", "Ishaq Dar"),
    ("Lao Foreign Minister Thongsavanh Phomvihane met the Chinese ambassador.", "Thongsavanh", "LAO", "GOV",
     "Thongsavanh Phomvihane"),
    ("Somali Foreign Minister Ahmed Moallim Fiqi accused Ethiopia.", "Fiqi", "SOM", "GOV", "Ahmed Moallim Fiqi"),
    ("South African Foreign Minister Ronald Lamola defended the ICJ case.", "Lamola", "ZAF", "GOV",
     "Ronald Lamola"),
    ("Danish Foreign Minister Lars Lokke Rasmussen rejected the idea.", "Rasmussen", "DNK", "GOV",
     "Lars Løkke Rasmussen"),
    ("Greek Foreign Minister Giorgos Gerapetritis visited Ankara.", "Gerapetritis", "GRC", "GOV",
     "Giorgos Gerapetritis"),
    ("Venezuelan Foreign Minister Yvan Gil rejected the statement.", "Gil", "VEN", "GOV", "Yván Gil"),
    ("Defense Secretary Pete Hegseth visited the Pentagon briefing room.", "Hegseth", "USA", "GOV", "Pete Hegseth"),
    ("Israeli Defense Minister Israel Katz ordered the strikes.", "Katz", "ISR", "GOV", "Israel Katz"),
    ("Russian Defence Minister Andrei Belousov visited the front.", "Belousov", "RUS", "GOV", "Andrei Belousov"),
    ("Kremlin spokesman Dmitry Peskov declined to comment.", "Peskov", "RUS", "GOV", "Dmitry Peskov"),
    ("Chinese foreign ministry spokeswoman Mao Ning criticised the visit.", "Mao Ning", "CHN", "GOV", "Mao Ning"),
    ("Kim Yo Jong, sister of the North Korean leader, issued a statement.", "Kim Yo Jong", "PRK", "GOV",
     "Kim Yo Jong"),
    ("UN Secretary-General Antonio Guterres called for a ceasefire.", "Guterres", "UNO", "GOV", "António Guterres"),
    ("NATO Secretary General Mark Rutte visited Kyiv.", "Rutte", "IGO", "GOV", "Mark Rutte"),
    ("European Commission President Ursula von der Leyen announced the package.", "von der Leyen", "EUR", "GOV",
     "Ursula von der Leyen"),
    ("EU foreign policy chief Kaja Kallas met Sybiha.", "Kallas", "EUR", "GOV", "Kaja Kallas"),
]

TITLES = [  # a title standing for the person who holds it on the date
    ("The Russian president warned the West on Friday.", "president", "RUS", "GOV", "Vladimir Putin"),
    ("Russia's foreign minister met his Chinese counterpart.", "foreign minister", "RUS", "GOV", "Sergey Lavrov"),
    ("The French president called for calm.", "president", "FRA", "GOV", "Emmanuel Macron"),
    ("Iran's supreme leader rejected talks.", "supreme leader", "IRN", "GOV", "Ali Khamenei"),
    ("The Chinese premier opened the fair.", "premier", "CHN", "GOV", "Li Qiang"),
    ("Japan's prime minister apologised.", "prime minister", "JPN", "GOV", "Shigeru Ishiba"),
    ("The Cuban foreign minister denounced the sanctions.", "foreign minister", "CUB", "GOV",
     "Bruno Rodríguez Parrilla"),
    ("Germany's chancellor visited Washington.", "chancellor", "DEU", "GOV", "Friedrich Merz"),
    ("The British prime minister spoke to reporters.", "prime minister", "GBR", "GOV", "Keir Starmer"),
    ("The president of Kenya arrived in Addis Ababa.", "president", "KEN", "GOV", "William Ruto"),
    ("The prime minister of India laid a wreath.", "prime minister", "IND", "GOV", "Narendra Modi"),
    ("Ukraine's president asked for more weapons.", "president", "UKR", "GOV", "Volodymyr Zelenskyy"),
    ("The Israeli prime minister rejected the proposal.", "prime minister", "ISR", "GOV", "Benjamin Netanyahu"),
    ("The Turkish foreign minister offered to mediate.", "foreign minister", "TUR", "GOV", "Hakan Fidan"),
    ("The Egyptian president received the delegation.", "president", "EGY", "GOV", "Abdel Fattah el-Sisi"),
    ("Vietnam's prime minister met investors.", "prime minister", "VNM", "GOV", "Pham Minh Chinh"),
    ("The Belarusian president pardoned the activists.", "president", "BLR", "GOV", "Alexander Lukashenko"),
    ("The Syrian foreign minister visited Ankara.", "foreign minister", "SYR", "GOV", "Asaad al-Shaibani"),
    ("The Spanish prime minister defended the decision.", "prime minister", "ESP", "GOV", "Pedro Sánchez"),
    ("The Iranian foreign minister flew to Oman.", "foreign minister", "IRN", "GOV", "Abbas Araghchi"),
]

COREFERENCE = [  # short names, pronouns and descriptions within one text
    ("Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow. Putin praised the talks.",
     "Putin", "RUS", "GOV", "Vladimir Putin"),
    ("Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow. Xi said ties were strong.",
     "Xi", "CHN", "GOV", "Xi Jinping"),
    ("North Korean leader Kim Jong Un watched the launch. Kim said the test was a success.",
     "Kim", "PRK", "GOV", "Kim Jong Un"),
    ("North Korea's Commissioner Kim Jong Un sent a message. Chairman Kim also wrote to Putin.",
     "Chairman Kim", "PRK", "GOV", "Kim Jong Un"),
    ("South Korean President Lee Jae-myung spoke with Trump. Lee asked for a tariff exemption.",
     "Lee", "KOR", "GOV", "Lee Jae-myung"),
    ("Chinese Premier Li Qiang met the German chancellor. Li called for open markets.",
     "Li", "CHN", "GOV", "Li Qiang"),
    ("Chinese Foreign Minister Wang Yi met Lavrov. Wang said the two sides agreed.",
     "Wang", "CHN", "GOV", "Wang Yi"),
    ("Iranian Foreign Minister Abbas Araghchi arrived in Muscat. Araghchi met the Omani mediator.",
     "Araghchi", "IRN", "GOV", "Abbas Araghchi"),
    ("Brazilian President Luiz Inacio Lula da Silva arrived in Beijing. Lula met Xi on Tuesday.",
     "Lula", "BRA", "GOV", "Luiz Inácio Lula da Silva"),
    ("Turkish President Recep Tayyip Erdogan hosted the talks. Erdogan called for a ceasefire.",
     "Erdogan", "TUR", "GOV", "Recep Tayyip Erdoğan"),
    ("Hungarian Prime Minister Viktor Orban met Trump. Orban praised the president.",
     "Orban", "HUN", "GOV", "Viktor Orbán"),
    ("Vietnamese Prime Minister Pham Minh Chinh met Ishiba. Chinh proposed new projects.",
     "Chinh", "VNM", "GOV", "Pham Minh Chinh"),
    ("Shin Hong-cheol, North Korea's ambassador to Russia, met Russian officials. Shin handed over the message.",
     "Shin", "PRK", "GOV", "Shin Hong-cheol"),
    ("Vietnam and Laos held talks in Hanoi. The two countries agreed to expand trade.",
     "two countries", "VNM+LAO", "GOV", "Vietnam+Laos"),
    ("Putin met Kim Jong Un in Pyongyang. The two leaders signed a treaty.",
     "two leaders", "RUS+PRK", "GOV", "Vladimir Putin+Kim Jong Un"),
    ('Iranian Foreign Minister Abbas Araghchi said, "Our country will not negotiate under pressure."',
     "Our country", "IRN", "GOV", "Iran"),
    ('KCNA quoted Kim Jong Un as saying, "Our country will never give up its nuclear deterrent."',
     "Our country", "PRK", "GOV", "North Korea"),
    ('Kim Yo Jong said in a statement: "The Republic will respond to any provocation."',
     "The Republic", "PRK", "GOV", "North Korea"),
    ("Korean Central News Agency reported the launch. The agency said it was a test.",
     "agency", "PRK", "JRN", "Korean Central News Agency"),
    ("Cuban President Miguel Diaz-Canel received the delegation. Diaz-Canel thanked Vietnam.",
     "Diaz-Canel", "CUB", "GOV", "Miguel Díaz-Canel"),
    ("Belarusian President Alexander Lukashenko met Putin. He said the union was strong.",
     "He", "BLR", "GOV", "Alexander Lukashenko"),
    ("Israeli Prime Minister Benjamin Netanyahu spoke to Trump. Netanyahu thanked him.",
     "Netanyahu", "ISR", "GOV", "Benjamin Netanyahu"),
]

COUNTRIES = [  # names, aliases, adjectives, demonyms, capitals as metonyms
    ("North Korea launched a ballistic missile.", "North Korea", "PRK", "GOV", "North Korea"),
    ("The DPRK rejected the statement.", "DPRK", "PRK", "GOV", "North Korea"),
    ("Pyongyang said the drills were a rehearsal for invasion.", "Pyongyang", "PRK", "GOV", "North Korea"),
    ("The Kremlin said the talks were useful.", "Kremlin", "RUS", "GOV", "Kremlin"),
    ("Washington imposed new sanctions on Tehran.", "Washington", "USA", "GOV", "United States"),
    ("Washington imposed new sanctions on Tehran.", "Tehran", "IRN", "GOV", "Iran"),
    ("Beijing lodged a protest with Manila.", "Beijing", "CHN", "GOV", "China"),
    ("Beijing lodged a protest with Manila.", "Manila", "PHL", "GOV", "Philippines"),
    ("Tokyo summoned the Chinese ambassador.", "Tokyo", "JPN", "GOV", "Japan"),
    ("Seoul and Washington held joint drills.", "Seoul", "KOR", "GOV", "South Korea"),
    ("Moscow denied the accusation.", "Moscow", "RUS", "GOV", "Russia"),
    ("Kyiv said the strike killed civilians.", "Kyiv", "UKR", "GOV", "Ukraine"),
    ("Kiev rejected the ultimatum.", "Kiev", "UKR", "GOV", "Ukraine"),
    ("Ankara threatened a new offensive.", "Ankara", "TUR", "GOV", "Turkey"),
    ("New Delhi suspended the treaty.", "New Delhi", "IND", "GOV", "India"),
    ("Islamabad closed its airspace.", "Islamabad", "PAK", "GOV", "Pakistan"),
    ("Hanoi protested the survey.", "Hanoi", "VNM", "GOV", "Vietnam"),
    ("Havana thanked its allies.", "Havana", "CUB", "GOV", "Cuba"),
    ("Minsk expelled the diplomats.", "Minsk", "BLR", "GOV", "Belarus"),
    ("Damascus welcomed the decision.", "Damascus", "SYR", "GOV", "Syria"),
    ("Vientiane signed the loan agreement.", "Vientiane", "LAO", "GOV", "Laos"),
    ("Caracas recalled its ambassador.", "Caracas", "VEN", "GOV", "Venezuela"),
    ("Riyadh hosted the talks.", "Riyadh", "SAU", "GOV", "Saudi Arabia"),
    ("Cairo opened the crossing.", "Cairo", "EGY", "GOV", "Egypt"),
    ("Abuja rejected the report.", "Abuja", "NGA", "GOV", "Nigeria"),
    ("Nairobi offered to mediate.", "Nairobi", "KEN", "GOV", "Kenya"),
    ("Canberra protested to Beijing.", "Canberra", "AUS", "GOV", "Australia"),
    ("Ottawa retaliated with tariffs.", "Ottawa", "CAN", "GOV", "Canada"),
    ("Brasilia recalled its envoy.", "Brasilia", "BRA", "GOV", "Brazil"),
    ("Buenos Aires rejected the claim.", "Buenos Aires", "ARG", "GOV", "Argentina"),
    ("Britain announced new sanctions.", "Britain", "GBR", "GOV", "United Kingdom"),
    ("The U.S. warned its citizens.", "U.S.", "USA", "GOV", "United States"),
    ("Burma's military rulers refused.", "Burma", "MMR", "GOV", "Myanmar"),
    ("Ivory Coast closed its border.", "Ivory Coast", "CIV", "GOV", "Côte d'Ivoire"),
    ("The Czech Republic expelled the diplomats.", "Czech Republic", "CZE", "GOV", "Czechia"),
    ("Turkiye condemned the attack.", "Turkiye", "TUR", "GOV", "Turkey"),
    ("The Holy See expressed concern.", "Holy See", "VAT", "GOV", "Holy See"),
    ("Kosovo declared independence in 2008.", "Kosovo", "KOS", "GOV", "Kosovo"),
    ("Taiwan scrambled fighter jets.", "Taiwan", "TWN", "GOV", "Taiwan"),
    ("Palestine joined the court.", "Palestine", "PSE", "GOV", "Palestine"),
    ("Hong Kong arrested the activists.", "Hong Kong", "HKG", "GOV", "Hong Kong"),
    ("The Democratic People's Republic of Korea rejected the resolution.", "Democratic People's Republic",
     "PRK", "GOV", "North Korea"),
    ("The Islamic Republic of Iran rejected the charges.", "Islamic Republic", "IRN", "GOV", "Iran"),
    ("Thousands of Nigerians joined the rally.", "Nigerians", "NGA", "CVL", None),
    ("Afghans fled to Pakistan.", "Afghans", "AFG", "CVL", None),
    ("Ukrainians queued for water.", "Ukrainians", "UKR", "CVL", None),
    ("Chinese warships entered the strait.", "warships", "CHN", "MIL", "People's Liberation Army"),
    ("Syrian refugees returned from Lebanon.", "refugees", "SYR", "REF", None),
    ("Kenyan police opened fire on the crowd.", "police", "KEN", "COP", None),
    ("Iranian protesters marched in the capital.", "protesters", "IRN", "CVL", None),
    ("Antarctica has no permanent population.", "Antarctica", "ATA", "GOV", "Antarctica"),
    ("The Soviet Union invaded Afghanistan.", "Soviet Union", "SUN", "GOV", "Soviet Union", "1979-12-27"),
]

INSTITUTIONS = [  # ministries, offices, parliaments, armed forces, state media
    ("Korean Central News Agency reported the visit.", "Korean Central News Agency", "PRK", "JRN",
     "Korean Central News Agency"),
    ("KCNA said the drills were provocative.", "KCNA", "PRK", "JRN", "Korean Central News Agency"),
    ("Rodong Sinmun published the speech.", "Rodong Sinmun", "PRK", "JRN", "Rodong Sinmun"),
    ("Xinhua reported the meeting.", "Xinhua", "CHN", "JRN", "Xinhua News Agency"),
    ("TASS quoted a ministry source.", "TASS", "RUS", "JRN", "TASS"),
    ("Yonhap reported the launch.", "Yonhap", "KOR", "JRN", "Yonhap News Agency"),
    ("RIA Novosti reported the strike.", "RIA Novosti", "RUS", "JRN", "RIA Novosti"),
    ("IRNA said the talks would continue.", "IRNA", "IRN", "JRN", "Islamic Republic News Agency"),
    ("Anadolu Agency reported the arrests.", "Anadolu", "TUR", "JRN", "Anadolu Agency"),
    ("Vietnam News Agency reported the visit.", "Vietnam News Agency", "VNM", "JRN", "Vietnam News Agency"),
    ("KPL reported the agreement.", "KPL", "LAO", "JRN", "Lao News Agency"),
    ("Prensa Latina reported the speech.", "Prensa Latina", "CUB", "JRN", "Prensa Latina"),
    ("SANA reported the explosion.", "SANA", "SYR", "JRN", "Syrian Arab News Agency"),
    ("BelTA reported the meeting.", "BelTA", "BLR", "JRN", "BelTA"),
    ("Ukrinform reported the attack.", "Ukrinform", "UKR", "JRN", "Ukrinform"),
    ("Kyodo News reported the plan.", "Kyodo", "JPN", "JRN", "Kyodo News"),
    ("The Press Trust of India reported the clash.", "Press Trust of India", "IND", "JRN", "Press Trust of India"),
    ("The Saudi Press Agency announced the visit.", "Saudi Press Agency", "SAU", "JRN", "Saudi Press Agency"),
    ("WAM reported the agreement.", "WAM", "ARE", "JRN", "Emirates News Agency"),
    ("QNA reported the call.", "QNA", "QAT", "JRN", "Qatar News Agency"),
    ("MENA reported the meeting.", "MENA", "EGY", "JRN", "Middle East News Agency"),
    ("The Global Times criticised the report.", "Global Times", "CHN", "JRN", "Global Times"),
    ("Al Jazeera reported the strike.", "Al Jazeera", "QAT", "JRN", "Al Jazeera"),
    ("NK News reported the refusal.", "NK News", "USA", "JRN", "NK News"),
    ("The Russian Foreign Ministry summoned the ambassador.", "Foreign Ministry", "RUS", "GOV",
     "Ministry of Foreign Affairs of the Russian Federation"),
    ("China's Ministry of Foreign Affairs rejected the claim.", "Ministry of Foreign Affairs", "CHN", "GOV",
     "Ministry of Foreign Affairs of the People's Republic of China"),
    ("The U.S. State Department approved the sale.", "State Department", "USA", "GOV",
     "United States Department of State"),
    ("The Pentagon deployed more troops.", "Pentagon", "USA", "MIL", "United States Department of Defense"),
    ("Japan's Defense Ministry detected the launch.", "Defense Ministry", "JPN", "MIL", "Ministry of Defense of Japan"),
    ("The White House declined to comment.", "White House", "USA", "GOV", "White House"),
    ("The Elysee Palace confirmed the call.", "Elysee", "FRA", "GOV", "Élysée Palace"),
    ("Downing Street rejected the report.", "Downing Street", "GBR", "GOV", "10 Downing Street"),
    ("The Knesset passed the law.", "Knesset", "ISR", "LEG", "Knesset"),
    ("The State Duma ratified the treaty.", "Duma", "RUS", "LEG", "State Duma"),
    ("Congress approved the aid package.", "Congress", "USA", "LEG", "United States Congress"),
    ("The Bundestag voted on the budget.", "Bundestag", "DEU", "LEG", "Bundestag"),
    ("The Supreme People's Assembly amended the constitution.", "Supreme People's Assembly", "PRK", "LEG",
     "Supreme People's Assembly"),
    ("The Verkhovna Rada extended martial law.", "Verkhovna Rada", "UKR", "LEG", "Verkhovna Rada"),
    ("Iran's Majlis voted to suspend cooperation.", "Majlis", "IRN", "LEG", "Islamic Consultative Assembly"),
    ("The Korean People's Army fired artillery.", "Korean People's Army", "PRK", "MIL", "Korean People's Army"),
    ("The IDF said it struck Hezbollah targets.", "IDF", "ISR", "MIL", "Israel Defense Forces"),
    ("The People's Liberation Army held drills around Taiwan.", "People's Liberation Army", "CHN", "MIL",
     "People's Liberation Army"),
    ("The Iranian Foreign Ministry condemned the strike.", "Foreign Ministry", "IRN", "GOV",
     "Ministry of Foreign Affairs of the Islamic Republic of Iran"),
    ("The Cuban Foreign Ministry issued a statement.", "Foreign Ministry", "CUB", "GOV",
     "Ministry of Foreign Affairs of Cuba"),
    ("The Israeli Defense Ministry approved the plan.", "Defense Ministry", "ISR", "MIL", "Ministry of Defense of Israel"),
    ("Mossad foiled the plot.", "Mossad", "ISR", "SPY", "Mossad"),
    ("The FSB arrested a suspect.", "FSB", "RUS", "SPY", "Federal Security Service"),
    ("The IRGC seized a tanker.", "IRGC", "IRN", "MIL", "Islamic Revolutionary Guard Corps"),
    ("The CIA declined to comment.", "CIA", "USA", "SPY", "Central Intelligence Agency"),
    ("The Blue House denied the report.", "Blue House", "KOR", "GOV", "Office of the President of the Republic of Korea"),
    ("North Korean diplomats referred to their mission, the so-called New York Channel.", "New York Channel",
     "PRK", "GOV", "New York Channel"),
]

ORGANIZATIONS = [  # international organisations and their organs; non-state groups
    ("The United Nations appealed for aid.", "United Nations", "UNO", "GOV", "United Nations"),
    ("The UN Security Council met in emergency session.", "Security Council", "UNO", "GOV",
     "United Nations Security Council"),
    ("The U.N. General Assembly adopted the resolution.", "General Assembly", "UNO", "LEG",
     "United Nations General Assembly"),
    ("UNICEF warned of famine.", "UNICEF", "UNO", "SOC", "United Nations Children's Fund"),
    ("UNHCR registered the refugees.", "UNHCR", "UNO", "REF",
     "Office of the United Nations High Commissioner for Refugees"),
    ("The World Food Programme suspended deliveries.", "World Food Programme", "UNO", "AGR", "World Food Programme"),
    ("The UN Human Rights Council opened an inquiry.", "Human Rights Council", "UNO", "GOV",
     "United Nations Human Rights Council"),
    ("The IAEA inspectors left the country.", "IAEA", "IGO", "GOV", "International Atomic Energy Agency"),
    ("The WHO declared an emergency.", "WHO", "IGO", "MED", "World Health Organization"),
    ("The European Commission proposed new tariffs.", "European Commission", "EUR", "GOV", "European Commission"),
    ("The European Union imposed sanctions.", "European Union", "EUR", "GOV", "European Union"),
    ("The European Parliament condemned the arrests.", "European Parliament", "EUR", "LEG", "European Parliament"),
    ("NATO increased its presence.", "NATO", "IGO", "MIL", "North Atlantic Treaty Organization"),
    ("ASEAN called for restraint.", "ASEAN", "IGO", "GOV", "Association of Southeast Asian Nations"),
    ("The African Union suspended Niger.", "African Union", "IGO", "GOV", "African Union"),
    ("The G7 agreed to use the assets.", "G7", "IGO", "GOV", "Group of Seven"),
    ("OPEC cut production.", "OPEC", "IGO", "BUS", "Organization of the Petroleum Exporting Countries"),
    ("The IMF approved the loan.", "IMF", "IGO", "BUS", "International Monetary Fund"),
    ("The International Criminal Court issued a warrant.", "International Criminal Court", "IGO", "JUD",
     "International Criminal Court"),
    ("The OSCE sent observers.", "OSCE", "IGO", "GOV", "Organization for Security and Co-operation in Europe"),
    ("The Arab League held a summit.", "Arab League", "IGO", "GOV", "Arab League"),
    ("ECOWAS threatened to intervene.", "ECOWAS", "IGO", "GOV", "Economic Community of West African States"),
    ("The Red Cross visited the prisoners.", "Red Cross", "IGO", "SOC", "International Committee of the Red Cross"),
    ("Amnesty International accused the army.", "Amnesty International", "NGO", "SOC", "Amnesty International"),
    ("Human Rights Watch documented the abuses.", "Human Rights Watch", "NGO", "SOC", "Human Rights Watch"),
    ("Hamas released the hostages.", "Hamas", "PSE", "REB", "Hamas"),
    ("Hezbollah fired rockets.", "Hezbollah", "LBN", "REB", "Hezbollah"),
    ("The Houthis attacked a ship.", "Houthis", "YEM", "REB", "Houthis"),
    ("Islamic State claimed the bombing.", "Islamic State", "IMG", "REB", "Islamic State"),
    ("The Taliban banned the broadcasts.", "Taliban", "AFG", "REB", "Taliban"),
    ("The Wagner Group withdrew from Mali.", "Wagner", "RUS", "PRM", "Wagner Group"),
    ("The Rapid Support Forces shelled the camp.", "Rapid Support Forces", "SDN", "PRM", "Rapid Support Forces"),
    ("Boko Haram abducted the students.", "Boko Haram", "IMG", "REB", "Boko Haram"),
    ("The PKK announced its dissolution.", "PKK", "TUR", "REB", "Kurdistan Workers' Party"),
]

GROUPS = [  # generic groups that take their country from the text
    ("North Korean diplomats refused the letter.", "diplomats", "PRK", "GOV", None),
    ("Russian Foreign Ministry officials received the envoy.", "officials", "RUS", "GOV", None),
    ("He met with officials from the Russian Foreign Ministry.", "officials", "RUS", "GOV", None),
    ("Israeli troops remained on alert.", "troops", "ISR", "MIL", "Israel Defense Forces"),
    ("A senior U.S. official said the talks failed.", "official", "USA", "GOV", None),
    ("Ukrainian soldiers repelled the assault.", "soldiers", "UKR", "MIL", "Armed Forces of Ukraine"),
    ("Turkish police detained the protesters.", "police", "TUR", "COP", None),
    ("Pakistani militants attacked the checkpoint.", "militants", "PAK", "REB", None),
    ("The Venezuelan opposition boycotted the vote.", "opposition", "VEN", "OPP", None),
    ("Nigerian students protested the fee increase.", "students", "NGA", "CVL", None),
    ("Japanese lawmakers visited the shrine.", "lawmakers", "JPN", "LEG", "National Diet"),
    ("Officials from the Cuban Foreign Ministry met the delegation.", "Officials", "CUB", "GOV", None),
    ("Diplomats from Laos attended the ceremony.", "Diplomats", "LAO", "GOV", None),
    ("Syrian rebels seized the town.", "rebels", "SYR", "REB", None),
    ("Afghan refugees crossed the border.", "refugees", "AFG", "REF", None),
    ("Kenyan doctors went on strike.", "doctors", "KEN", "MED", None),
    ("French journalists were expelled.", "journalists", "FRA", "JRN", None),
    ("South Korean businesses left the complex.", "businesses", "KOR", "BUS", None),
    ("Colombian guerrillas released the hostages.", "guerrillas", "COL", "REB", None),
    ("Egyptian security forces raided the office.", "security forces", "EGY", "MIL", "Egyptian Armed Forces"),
    ("Indian officials denied the report.", "officials", "IND", "GOV", None),
    ("Chinese diplomats walked out of the meeting.", "diplomats", "CHN", "GOV", None),
    ("Iraqi Kurds demonstrated in Kirkuk.", "Kurds", "IRQ", None, None),
    ("Malian soldiers patrolled the town.", "soldiers", "MLI", "MIL", "Malian Armed Forces"),
    ("Sudanese refugees arrived in Chad.", "refugees", "SDN", "REF", None),
    ("Vietnamese officials welcomed the delegation.", "officials", "VNM", "GOV", None),
    ("Gaza residents fled south.", "residents", "PSE", "CVL", None),
    ("Russian troops in Crimea were put on alert.", "troops", "RUS", "MIL",
     "Armed Forces of the Russian Federation"),
    ("Belarusian border guards detained the migrants.", "border guards", "BLR", "COP", None),
    ("The outlet cited a senior source who requested anonymity.", "source", None, None, "senior source"),
]

UNKNOWN_PERSONS = [  # people the knowledge base does not list, with the country the text states
    ("Miguel Alvarez Pena, a senior official of the Cuban Foreign Ministry, visited Hanoi.", "Alvarez",
     "CUB", "GOV", "Miguel Alvarez Pena"),
    ("North Korean envoy Ri Sung Ho arrived in Moscow.", "Ri Sung Ho", "PRK", "GOV", "Ri Sung Ho"),
    ("Russia's ambassador to China, Igor Morgulov, met the minister.", "Morgulov", "RUS", "GOV", "Igor Morgulov"),
    ("Chinese ambassador Xie Feng met the senators.", "Xie Feng", "CHN", "GOV", "Xie Feng"),
    ("Russian General Valery Petrov inspected the troops.", "Petrov", "RUS", "MIL", "Valery Petrov"),
    ("Kenyan lawmaker John Omondi criticised the deployment.", "Omondi", "KEN", "LEG", "John Omondi"),
    ("Iranian diplomat Reza Najafi addressed the board.", "Najafi", "IRN", "GOV", "Reza Najafi"),
    ("Ukrainian commander Oleksandr Tarnavskyi reported the advance.", "Tarnavskyi", "UKR", "MIL",
     "Oleksandr Tarnavskyi"),
    ("Vietnamese ambassador Dang Minh Khoi presented his credentials.", "Dang Minh Khoi", "VNM", "GOV",
     "Dang Minh Khoi"),
    ("Nguyen Van Binh, an official of the Vietnamese Foreign Ministry, briefed reporters.", "Nguyen Van Binh",
     "VNM", "GOV", "Nguyen Van Binh"),
    ("Shin Hong-cheol, North Korea's special envoy, met Russian officials.", "Shin Hong-cheol", "PRK", "GOV",
     "Shin Hong-cheol"),
    ("Colonel Amadou Diallo of the Malian army read the statement.", "Diallo", "MLI", "MIL", "Amadou Diallo"),
    ("Laotian envoy Khamphao Ernthavanh met the Thai minister.", "Khamphao", "LAO", "GOV", "Khamphao Ernthavanh"),
    ("Pakistani spokesman Shafqat Ali Khan rejected the claim.", "Shafqat", "PAK", "GOV", "Shafqat Ali Khan"),
    ("Belarusian opposition leader Pavel Latushko called for sanctions.", "Latushko", "BLR", "OPP", "Pavel Latushko"),
]

DATED = [  # the same person on different dates: the office held that day, or ELI after it
    ("Donald Trump wrote to Kim Jong Un.", "Trump", "USA", "GOV", "Donald Trump", "2019-02-27"),
    ("Donald Trump wrote to Kim Jong Un.", "Trump", "USA", "ELI", "Donald Trump", "2023-01-01"),
    ("Donald Trump wrote to Kim Jong Un.", "Trump", "USA", "GOV", "Donald Trump", "2025-06-11"),
    ("Vladimir Putin chaired the cabinet meeting.", "Putin", "RUS", "GOV", "Vladimir Putin", "2010-05-01"),
    ("Barack Obama spoke at the summit.", "Obama", "USA", "GOV", "Barack Obama", "2012-09-01"),
    ("Barack Obama spoke at the summit.", "Obama", "USA", "ELI", "Barack Obama", "2020-09-01"),
    ("Angela Merkel met the refugees.", "Merkel", "DEU", "GOV", "Angela Merkel", "2015-09-10"),
    ("Angela Merkel met the refugees.", "Merkel", "DEU", "ELI", "Angela Merkel", "2023-09-10"),
    ("Shinzo Abe visited Pearl Harbor.", "Abe", "JPN", "GOV", "Shinzo Abe", "2016-12-27"),
    ("Moon Jae-in met Kim Jong Un at Panmunjom.", "Moon", "KOR", "GOV", "Moon Jae-in", "2018-04-27"),
    ("Moon Jae-in met Kim Jong Un at Panmunjom.", "Moon", "KOR", "ELI", "Moon Jae-in", "2023-04-27"),
    ("Hassan Rouhani defended the nuclear deal.", "Rouhani", "IRN", "GOV", "Hassan Rouhani", "2016-01-16"),
    ("Hassan Rouhani defended the nuclear deal.", "Rouhani", "IRN", "ELI", "Hassan Rouhani", "2022-01-16"),
    ("Bashar al-Assad visited Moscow.", "Assad", "SYR", "GOV", "Bashar al-Assad", "2015-10-20"),
    ("Bashar al-Assad visited Moscow.", "Assad", "SYR", "ELI", "Bashar al-Assad", "2025-06-12"),
    ("Ashraf Ghani met the Taliban envoy.", "Ghani", "AFG", "GOV", "Ashraf Ghani", "2018-06-01"),
    ("Kim Jong Il received the Chinese delegation.", "Kim Jong Il", "PRK", "GOV", "Kim Jong Il", "2005-07-12"),
    ("Raul Castro met Obama in Havana.", "Castro", "CUB", "GOV", "Raúl Castro", "2016-03-21"),
    ("Yoon Suk Yeol declared martial law.", "Yoon", "KOR", "GOV", "Yoon Suk Yeol", "2024-12-03"),
    ("Yoon Suk Yeol was arrested.", "Yoon", "KOR", "ELI", "Yoon Suk Yeol", "2025-07-10"),
    ("Boris Johnson visited Kyiv.", "Johnson", "GBR", "GOV", "Boris Johnson", "2022-04-09"),
    ("Olaf Scholz spoke in the Bundestag.", "Scholz", "DEU", "ELI", "Olaf Scholz", "2025-06-12"),
    ("Ebrahim Raisi visited Caracas.", "Raisi", "IRN", "GOV", "Ebrahim Raisi", "2023-06-12"),
    ("President Putin received the envoy.", "Putin", "RUS", "GOV", "Vladimir Putin", "2015-03-01"),
    ("Abu Mohammed al-Jolani addressed his fighters in Idlib.", "Jolani", "SYR", "REB", "Ahmed al-Sharaa",
     "2019-05-01"),
    ("Ahmed al-Sharaa met the Saudi crown prince.", "Sharaa", "SYR", "GOV", "Ahmed al-Sharaa", "2025-02-02"),
    ("Acting President Jens Boehrnsen signed the law.", "Boehrnsen", "DEU", "GOV", "Jens Böhrnsen", "2010-06-10"),
]

PLACES = [  # places give a country; capitals stay metonyms for their government
    ("Rockets struck Tel Aviv overnight.", "Tel Aviv", "ISR", "GOV", "Israel"),
    ("Israeli jets struck targets in Gaza.", "Gaza", "PSE", None, "Gaza Strip"),
    ("Settlers attacked a village in the West Bank.", "West Bank", "PSE", None, "West Bank"),
    ("Troops raided homes in Jenin.", "Jenin", "PSE", None, "Jenin"),
    ("Russian forces shelled Kharkiv.", "Kharkiv", "UKR", None, "Kharkiv"),
    ("Fighting continued in the Donbas.", "Donbas", "UKR", None, "Donbas"),
    ("Moscow annexed Crimea in 2014.", "Crimea", "UKR", None, "Crimea"),
    ("Militants attacked tourists in Kashmir.", "Kashmir", "IND", None, "Kashmir"),
    ("Shelling was reported in Azad Kashmir.", "Azad Kashmir", "PAK", None, "Azad Kashmir"),
    ("The paramilitaries besieged a city in Darfur.", "Darfur", "SDN", None, "Darfur"),
    ("Rebels shelled Juba on Sunday.", "Juba", "SDN", None, "Juba", "2000-01-09"),
    ("Rebels shelled Juba on Sunday.", "Juba", "SSD", "GOV", "South Sudan", "2015-01-09"),
    ("A car bomb exploded in Kirkuk.", "Kirkuk", "IRQ", None, "Kirkuk"),
    ("British troops withdrew from Basra.", "Basra", "IRQ", None, "Basra"),
    ("A roadside bombing near the town of Samarra killed a soldier.", "Samarra", "IRQ", None, "Samarra"),
    ("Police imposed a curfew in Abidjan.", "Abidjan", "CIV", "GOV", "Côte d'Ivoire"),
    ("Gunmen attacked a church in Lagos.", "Lagos", "NGA", None, "Lagos"),
    ("Talks resumed in Geneva.", "Geneva", "CHE", None, "Geneva"),
    ("North Korean diplomats in Manhattan, New York, refused the letter.", "Manhattan", "USA", None, "Manhattan"),
    ("North Korean diplomats in Manhattan, New York, refused the letter.", "New York", "USA", None, "New York"),
    ("A Russian submarine docked in Vladivostok.", "Vladivostok", "RUS", None, "Vladivostok"),
    ("An earthquake struck the island of Kyushu.", "Kyushu", "JPN", None, "Kyushu"),
    ("Congolese troops retreated from Goma.", "Goma", "COD", None, "Goma"),
    ("Drones hit an oil depot in Belgorod.", "Belgorod", "RUS", None, "Belgorod"),
    ("Houthi fighters attacked ships off Hodeidah.", "Hodeidah", "YEM", None, "Hodeidah"),
    ("Floods displaced thousands in Sindh.", "Sindh", "PAK", None, "Sindh"),
    ("A cyclone hit Rakhine State.", "Rakhine", "MMR", None, "Rakhine"),
    ("Authorities detained Uyghurs in Xinjiang.", "Xinjiang", "CHN", None, "Xinjiang"),
    ("Protesters blocked the base on Okinawa.", "Okinawa", "JPN", None, "Okinawa"),
    ("Wildfires spread across California.", "California", "USA", None, "California"),
    ("Troops were deployed in Chiapas.", "Chiapas", "MEX", None, "Chiapas"),
    ("Militants attacked a checkpoint in Sinai.", "Sinai", "EGY", None, "Sinai"),
    ("Airstrikes hit Idlib.", "Idlib", "SYR", None, "Idlib"),
    ("Israel annexed the Golan Heights.", "Golan Heights", "SYR", None, "Golan Heights"),
    ("Spain renewed its claim to Gibraltar.", "Gibraltar", "GBR", None, "Gibraltar"),
    ("Argentina raised the Falklands at the UN.", "Falklands", "GBR", None, "Falkland Islands"),
    ("Clashes erupted in Benghazi.", "Benghazi", "LBY", None, "Benghazi"),
    ("Militants seized the town of Timbuktu.", "Timbuktu", "MLI", None, "Timbuktu"),
    ("Fighting spread to North Kivu.", "North Kivu", "COD", None, "North Kivu"),
    ("Separatists attacked a school in Bamenda.", "Bamenda", "CMR", None, "Bamenda"),
    ("Kirkuk remained tense after the attacks.", "Kirkuk", None, None, "Kirkuk"),
    ("The summit was held in St. Petersburg.", "St. Petersburg", "RUS", None, "St. Petersburg"),
    ("Chinese coast guard ships approached the Senkaku Islands.", "Senkaku", "JPN", None, "Senkaku Islands"),
    ("The bomb exploded in Quetta.", "Quetta", "PAK", None, "Quetta"),
    ("The storm struck Mindanao.", "Mindanao", "PHL", None, "Mindanao"),
]

CASES = [*HEADS, *MINISTERS, *TITLES, *COREFERENCE, *COUNTRIES, *INSTITUTIONS, *ORGANIZATIONS, *GROUPS,
         *UNKNOWN_PERSONS, *DATED, *PLACES]
XFAIL: dict[tuple[str, str], str] = {}


def _params() -> list[object]:
    out = []
    for c in CASES:
        text, target = c[0], c[1]
        marks = [pytest.mark.xfail(reason=XFAIL[(text, target)], strict=True)] if (text, target) in XFAIL else []
        out.append(pytest.param(*c[:5], c[5] if len(c) > 5 else ON, marks=marks, id=f"{target}|{text[:48]}"))
    return out


@pytest.fixture(scope="module")
def parser(extractor: Extractor) -> Parser:
    """Every sentence parsed (the extractor's own parser skips sentences without an event word)."""
    return Parser(extractor.nlp)


def resolve(ex: Extractor, parser: Parser, text: str, target: str, on: date) -> list[Entity]:
    """The entities of the mention covering ``target``: the last such mention, the shortest if several."""
    discourse = Discourse()
    found = []
    for sent in parser.parse(text):
        found += [m for m in ex.actors.find(sent, discourse, on).mentions if not m.modifier]
    hits = [m for m in found if target in m.text]
    assert hits, f"no mention contains {target!r}: {[m.text for m in found]}"
    last = max(m.sentence for m in hits)
    m = min((m for m in hits if m.sentence == last), key=lambda m: (-m.start, m.end - m.start))
    return m.entities(ex.kb, on)


@pytest.mark.parametrize("text, target, code, sector, name, on", _params())
def test_kb_resolution_mention_in_sentence(extractor: Extractor, parser: Parser, text: str, target: str,
                                           code: str | None, sector: str | None, name: str | None,
                                           on: str) -> None:
    entities = resolve(extractor, parser, text, target, date.fromisoformat(on))
    if code is not None and "+" in code:
        assert sorted(e.code or "-" for e in entities) == sorted(code.split("+")), entities
        assert {e.sector for e in entities} == {sector}, entities
        assert sorted(e.name or "-" for e in entities) == sorted((name or "-").split("+")), entities
        return
    e = entities[0]
    assert (e.code, e.sector, e.name) == (code, sector, name), e


def test_kb_resolution_table_is_broad() -> None:
    codes = {code for c in CASES for code in (c[2] or "").split("+") if code}
    states = {c for c in codes if c not in ("UNO", "EUR", "IGO", "NGO", "IMG", "ISM", "MNC")}
    assert len(CASES) >= 300, len(CASES)
    assert len(states) >= 60, sorted(states)
    assert len({(c[0], c[1], c[5] if len(c) > 5 else ON) for c in CASES}) == len(CASES), "duplicate cases"


SEED_ACTORS = [  # (mention text, code, sector, canonical name, office on 2025-06-11)
    ("Commissioner Kim Jong Un", "PRK", "GOV", "Kim Jong Un", "President of the State Affairs Commission"),
    ("Chairman Kim", "PRK", "GOV", "Kim Jong Un", "President of the State Affairs Commission"),
    ("President Vladimir Putin", "RUS", "GOV", "Vladimir Putin", "President of Russia"),
    ("President Putin", "RUS", "GOV", "Vladimir Putin", "President of Russia"),
    ("U.S. President Donald Trump", "USA", "GOV", "Donald Trump", "President of the United States"),
    ("President Trump", "USA", "GOV", "Donald Trump", "President of the United States"),
    ("Shin Hong-cheol", "PRK", "GOV", "Shin Hong-cheol", "special envoy"),
    ("Korean Central News Agency", "PRK", "JRN", "Korean Central News Agency", None),
    ("NK News", "USA", "JRN", "NK News", None),
    ("North Korean diplomats", "PRK", "GOV", None, None),
    ("officials", "RUS", "GOV", None, "Ministry of Foreign Affairs of the Russian Federation"),
    ("New York Channel", "PRK", "GOV", "New York Channel", None),
    ("senior source", None, None, "senior source", None),
]


def test_kb_resolution_seed_article_actors(extractor: Extractor, parser: Parser) -> None:
    """Every actor of the reference article, with its canonical name and office on the 11th."""
    from .conftest import shared_path

    text = shared_path("eval", "seed", "article.txt").read_text(encoding="utf-8")
    on = date(2025, 6, 11)
    discourse = Discourse()
    seen: dict[str, set[tuple[str | None, ...]]] = {}
    for sent in parser.parse(text):
        for m in extractor.actors.find(sent, discourse, on).mentions:
            if not m.modifier:
                e = m.entities(extractor.kb, on)[0]
                seen.setdefault(m.text, set()).add((e.code, e.sector, e.name, e.office))
    for text_, code, sector, name, office in SEED_ACTORS:
        assert seen.get(text_) == {(code, sector, name, office)}, (text_, seen.get(text_))


def test_kb_resolution_the_two_countries_of_the_seed_are_the_states(extractor: Extractor, parser: Parser) -> None:
    from .conftest import shared_path

    text = shared_path("eval", "seed", "article.txt").read_text(encoding="utf-8")
    on = date(2025, 6, 11)
    discourse = Discourse()
    found = []
    for sent in parser.parse(text):
        found += [m for m in extractor.actors.find(sent, discourse, on).mentions if m.text == "the two countries"]
    [two] = found
    assert sorted((e.code, e.name) for e in two.entities(extractor.kb, on)) == [
        ("PRK", "North Korea"), ("RUS", "Russia")]
