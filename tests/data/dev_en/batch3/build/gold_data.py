G = {}  # release number -> list of events
def P(name, state, role, posted_in=None):
    d = {"name": name, "state": state, "role": role}
    if posted_in: d["posted_in"] = posted_in
    return d
def E(rel, type_, parties, participants, cue, format=None, kind=None, host=None, venue=None, date=None):
    e = {"type": type_, "format": format}
    if type_ == "ACCREDITED": e["kind"] = kind
    e.update({"parties": sorted(parties), "participants": participants, "host": host, "venue": venue, "date": date, "cue": cue})
    G.setdefault(rel, []).append(e)
def V(name, state): return {"name": name, "state": state}
MFA = "minister of foreign affairs"

# 01 AZ-IL phone
E(1, "MET", ["AZ","IL"], [P("Jeyhun Bayramov","AZ",MFA), P("Israel Katz","IL",MFA)],
  "had a telephone conversation with his Israeli counterpart Israel Katz on June 28", format="phone_call", date="2024-06-28")

# 02 Fidan in Jakarta
fid = lambda: P("Hakan Fidan","TR",MFA)
jk = V("Jakarta","ID")
for st, p, cue in [
  ("BD", P("AK Abdul Momen","BD",MFA), "held talks with Bangladeshi Foreign Minister AK Abdul Momen"),
  ("BN", P("Erywan Yusof","BN","minister of foreign affairs ii"), "Brunei Darussalam’s Foreign Minister II Dato Erywan Yusof"),
  ("VN", P("Bui Thanh Son","VN",MFA), "his Vietnamese counterpart Bui Thanh Son"),
  ("JP", P("Hayashi Yoshimasa","JP",MFA), "closed-door meetings with Japanese Foreign Minister Hayashi Yoshimasa"),
  ("US", P("Antony Blinken","US","secretary of state"), "US Secretary of State Antony Blinken"),
  ("NO", P("Anniken Huitfeldt","NO",MFA), "his Norwegian counterpart Anniken Huitfeldt"),
  ("EU", P("Josep Borrell","EU","high representative for foreign affairs and security policy"), "Fidan met with EU foreign policy chief Josep Borrell"),
  ("ID", P("Joko Widodo","ID","president"), "President of Indonesia Joko Widodo received Fidan for talks"),
]:
    E(2, "MET", ["TR", st], [fid(), p], cue, venue=jk, date="2023-07-14")

# 03 Fidan - Syrian delegation
E(3, "MET", ["SY","TR"], [P("Hakan Fidan","TR",MFA), P("Asaad Hassan Al-Shaibani","SY",MFA),
   P("Murhef Abu Kasra","SY","minister of defense"), P("Hussein Salameh","SY","intelligence chief")],
  "met with Syrian Foreign Minister Asaad Hassan Al-Shaibani, Defense Minister Murhef Abu Kasra and Intelligence Chief Hussein Salameh in the capital Ankara",
  venue=V("Ankara","TR"))

# 04 Fidan - Russian ambassador
E(4, "MET", ["RU","TR"], [P("Hakan Fidan","TR",MFA), P("Alexey Yerokhov","RU","ambassador","TR")],
  "Hakan Fidan met with Russian Ambassador to Ankara Alexey Yerokhov")

# 05 Jaishankar UNGA79
js = lambda: P("S Jaishankar","IN","external affairs minister")
ny = V("New York","US")
for st, p, cue in [
  ("DK", P("Lars Lokke Rasmussen","DK",MFA), "Pleasure to meet FM Lars Lokke Rasmussen of Denmark"),
  ("AE", P("Maktoum bin Mohammed Al Maktoum","AE","deputy prime minister and minister of foreign affairs"), "DPM and FM Maktoum bin Mohammed Al Maktoum of UAE"),
  ("TM", P("Rasit Meredow","TM","deputy prime minister and minister of foreign affairs"), "A warm meeting with DPM and FM Rasit Meredow of Turkmenistan"),
  ("UZ", P("Bakhtiyor Saidov","UZ",MFA), "So nice to meet FM Bakhtiyor Saidov of Uzbekistan"),
  ("SG", P("Vivian Balakrishnan","SG",MFA), "chatting with FM Vivian Balakrishnan of Singapore"),
  ("NL", P("Caspar Veldkamp","NL",MFA), "FM Caspar Veldkamp of the Netherlands"),
  ("MK", P("Timco Mucunski","MK",MFA), "FM Timco Mucunski of North Macedonia"),
  ("KZ", P("Nurtleu","KZ",MFA), "Kazakhstan Foreign Minister Nurtleu"),
  ("MA", P("Nasser Bourita","MA",MFA), "Morocco Foreign Minister Nasser Bourita"),
  ("BE", P("Alexander De Croo","BE","prime minister"), "Belgium Prime Minister Alexander De Croo"),
  ("CH", P("Ignazio Cassis","CH","federal councillor"), "Swiss Federal Councillor Ignazio Cassis"),
]:
    E(5, "MET", ["IN", st], [js(), p], cue, venue=ny)

# 06 UAE-Lithuania consultations
E(6, "CONSULTED", ["AE","LT"], [P("Khalifa Shaheen Al Marar","AE","assistant minister of foreign affairs and international cooperation for political affairs"),
   P("Neris Germanas","LT","vice-minister of foreign affairs")],
  "The first Political Consultations Commission ... was held on Tuesday via video conference", format="political_consultations", date="2020-09-22")

# 07 Mirziyoyev credentials
sm = lambda: P("Shavkat Mirziyoyev","UZ","president")
for st, name, role in [("EU","Eduards Stiprais","head of the european union delegation"), ("KG","Daniyar Sydykov","ambassador"),
   ("FR","Violaine de Villemeurt","ambassador"), ("IT","Andrea Bertozzi","ambassador"), ("CZ","Jaroslav Siro","ambassador"),
   ("JP","Nobuaki Ito","ambassador"), ("EG","Amani al-Itr","ambassador"), ("TR","Ahmet Başar Şen","ambassador"),
   ("SA","Hisham bin Mishal al-Suwailim","ambassador")]:
    E(7, "ACCREDITED", [st,"UZ"], [P(name, st, role, "UZ"), sm()], "the credentials were presented by ... " + name,
      kind="credentials", date="2017-05-02")

# 08 copies to Japanese DFM + back-refs
E(8, "ACCREDITED", ["JP","UZ"], [P("Mukhsinkhuja Abdurakhmonov","UZ","ambassador","JP"), P("Takeo Mori","JP","deputy minister of foreign affairs")],
  "presented copies of his credentials to Deputy Minister of Foreign Affairs of Japan Takeo Mori in Tokyo", kind="copies", venue=V("Tokyo","JP"), date="2021-08-04")
E(8, "MET", ["JP","UZ"], [P("Shavkat Mirziyev","UZ","president")],
  "the official visit of the President of the Republic of Uzbekistan Shavkat Mirziyev to Japan in December 2019", venue=V("Japan","JP"), date="2019-12")
E(8, "MET", ["JP","UZ"], [], "the leaders of Uzbekistan and Japan, during a telephone conversation on 12 May 2021", format="phone_call", date="2021-05-12")

# 09 Tokayev receives RU, CN ambassadors
E(9, "MET", ["KZ","RU"], [P("Kassym-Jomart Tokayev","KZ","president"), P("Alexey Borodavkin","RU","ambassador","KZ")],
  "During the meeting with Russian ambassador Alexey Borodavkin", date="2023-03-14")
E(9, "MET", ["CN","KZ"], [P("Kassym-Jomart Tokayev","KZ","president"), P("Zhang Xiao","CN","ambassador","KZ")],
  "At the meeting with Chinese ambassador Zhang Xiao", date="2023-03-14")

# 10 TM-UZ consultations
E(10, "CONSULTED", ["TM","UZ"], [P("Rashid Meredov","TM","deputy chairman of the cabinet of ministers, minister of foreign affairs"),
   P("Vladimir Norov","UZ","acting minister of foreign affairs")],
  "political consultations between Turkmenistan and Uzbekistan were held in Ashgabat", format="political_consultations",
  venue=V("Ashgabat","TM"), date="2022-08-26")

# 11 Mejlis credentials
gm = lambda: P("G. Mammedova","TM","chairman of the mejlis")
for st, name in [("CZ","Vaclav Yilek"),("CU","Carlos Enrique Valdez"),("AU","Graeme Meehan Leslie"),("SE","Thomas Danestad"),
   ("MN","Dorji Bayarkhuu"),("NL","Andre Carstens")]:
    E(11, "ACCREDITED", [st,"TM"], [P(name, st, "ambassador", "TM"), gm()], "received credentials from the Ambassadors ... " + name, kind="credentials")

# 12 Belarus MFA BRICS briefing
E(12, "HOSTED", ["BY","RU","CN","IN","BR","IR","AE","EG","ET"], [P("Sergey Lukashevich","BY","first deputy minister of foreign affairs")],
  "held a briefing on 9 September ... organized for diplomats of the BRICS member states", format="briefing",
  host={"name":"Ministry of Foreign Affairs of Belarus","kind":"ministry","state":"BY"}, venue=V("Minsk","BY"), date="2024-09-09")

# 13 Lavrov meeting with heads of missions
E(13, "HOSTED", ["RU","FR","CN","FI","NL","IR","AT","KZ","NI","ID","NO","GR","VE","KP","GA","WHO"],
  [P("Sergey Lavrov","RU",MFA), P("Pierre Levy","FR","ambassador","RU"), P("Zhang Hanhui","CN","head of diplomatic mission","RU"),
   P("Melita Vuinovich","WHO","representative for russia")],
  "a closed meeting of Russian Foreign Minister Sergey Lavrov with heads of foreign diplomatic missions",
  host={"name":"Russian Foreign Ministry","kind":"ministry","state":"RU"}, venue=V("Moscow","RU"), date="2022-09-19")

# 14 windowstorussia: planned only -> empty
# 15 Mirzoyan - French ambassador
E(15, "MET", ["AM","FR"], [P("Ararat Mirzoyan","AM",MFA), P("Jonathan Lacotte","FR","ambassador","AM")],
  "Ararat Mirzoyan received French Ambassador to Armenia Jonathan Lacotte")

# 16 Nurtleu at SCO HQ
E(16, "MET", ["KZ","SCO"], [P("Murat Nurtleu","KZ","deputy prime minister and minister of foreign affairs"), P("Nurlan Yermekbayev","SCO","secretary-general")],
  "In Beijing, Nurtleu met with SCO Secretary-General Nurlan Yermekbayev", venue=V("Beijing","CN"), date="2025-07-14")

# 17 Kulubaev - Guterres
E(17, "MET", ["KG","UN"], [P("Jeenbek Kulubaev","KG",MFA), P("António Guterres","UN","secretary-general")],
  "Foreign Minister of Kyrgyzstan Jeenbek Kulubaev met with United Nations Secretary-General António Guterres", date="2026-02-23")

# 18 Mogherini weekly digest
E(18, "MET", ["EU","LY"], [P("Fayez al Serraj","LY","prime minister")], "in a meeting with Prime Minister Fayez al Serraj", venue=V("Brussels","BE"))
E(18, "HOSTED", ["EU","UN"], [P("Ghassam Salame","UN","special envoy for libya")],
  "a session of our Foreign Affairs Council together with the UN Special Envoy for Libya, Ghassam Salame", format="session",
  host={"name":"Foreign Affairs Council","kind":"igo","state":"EU"}, venue=V("Brussels","BE"))
E(18, "MET", ["EU","ML","TD","NE","MR","BF"], [],
  "the Foreign and Defence Ministers of the five Sahel countries ... in a joint meeting on Tuesday with the European Union’s Foreign and Defence Ministers", venue=V("Brussels","BE"))
for st in ["ML","TD","NE","MR","BF"]:
    E(18, "MET", ["EU", st], [], "In the margins of the meeting, I met bilaterally with the ministers of all five countries (" + st + ")", venue=V("Brussels","BE"))
E(18, "MET", ["EU","US"], [P("Mike Pompeo","US","secretary of state")], "we also received a visit by US Secretary of State Mike Pompeo", venue=V("Brussels","BE"))
E(18, "MET", ["EU","FR","DE","GB"], [], "a meeting on the same day with the Foreign Ministers of France, Germany and the UK", venue=V("Brussels","BE"))
E(18, "HOSTED", ["EU","NATO"], [P("Rose Gottemoeller","NATO","deputy secretary-general")],
  "our discussion on Tuesday with NATO’s deputy secretary-general Rose Gottemoeller, during the meeting of European Defence ministers", format="session",
  host={"name":"meeting of European Defence ministers","kind":"igo","state":"EU"}, venue=V("Brussels","BE"))

# 19 Vietnam national day
E(19, "MET", ["LA","VN"], [P("Vongvilay Thiphalangsy","LA","deputy ambassador","RU")],
  "Lao Deputy Ambassador to Russia Vongvilay Thiphalangsy ... during his visit on Tuesday to the Vietnamese embassy")
E(19, "HOSTED", ["CZ","VN"], [P("Pham Quang Hieu","VN","deputy minister of foreign affairs"), P("Martin Tlapa","CZ","deputy minister of foreign affairs")],
  "the Vietnamese Embassy in the Czech Republic held a celebration in Prague", format="reception",
  host={"name":"Vietnamese Embassy in the Czech Republic","kind":"embassy","state":"VN"}, venue=V("Prague","CZ"))
E(19, "HOSTED", ["HU","VN"], [P("Nguyen Thi Bich Thao","VN","ambassador","HU")],
  "In Budapest, Hungary government and parliament officials ... attended a ceremony to mark Vietnam’s 77th National Day", format="reception",
  host={"name":"Vietnamese Embassy in Hungary","kind":"embassy","state":"VN"}, venue=V("Budapest","HU"))

# 20 Azerbaijani embassy conference in Belarus
E(20, "HOSTED", ["AZ","BY","TJ","TM","UZ","KG","KZ","UA","RU","CIS"],
  [P("Latif Gandilov","AZ","ambassador","BY"),
   P("Marianna Shchetkina","BY","deputy chairwoman of the upper chamber of the belarus parliament"),
   P("Boleslav Pirshtuk","BY","deputy chairman of the lower chamber of the belarus parliament"),
   P("Andrei Yeudachenka","BY","first deputy minister of foreign affairs")],
  "The Azerbaijani Embassy in Belarus has held a conference dedicated to the 25th anniversary", format="conference",
  host={"name":"Azerbaijani Embassy in Belarus","kind":"embassy","state":"AZ"}, venue=None)

# 21 Zarif-Lavrov phone + Vienna back-ref
E(21, "MET", ["IR","RU"], [P("Mohammad Javad Zarif","IR",MFA), P("Sergei Lavrov","RU",MFA)],
  "Zarif and his Russian counterpart Sergei Lavrov held a phone conversation on Saturday", format="phone_call")
E(21, "MET", ["RU","US","TR","SA"], [], "the Friday meeting between Russia, the US, Turkey and Saudi Arabia on the Syria crisis in Vienna", venue=V("Vienna","AT"))

# 22 Bolsonaro credentials
jb = lambda: P("Jair Bolsonaro","BR","president")
for st, name in [("VE","María Teresa Belandria Expósito"),("MX","Ignácio Piña Rojas"),("CO","Dario Alonso Montoya Mejía"),
   ("PY","Bernardino Hugo Saguier Caballero"),("SA","Ali Abdullah Bahitham"),("PE","Javier Raúl Martin Yépez Verdeguer"),
   ("GN","Kabinet Konde"),("ID","Edi Yusup")]:
    E(22, "ACCREDITED", ["BR", st], [P(name, st, "ambassador", "BR"), jb()], "received credentials from eight new ambassadors ... " + name,
      kind="credentials", venue=V("Planalto presidential palace","BR"), date="2019-06-04")

# 23 today.az Zarif planned -> empty
# 24 AZ-BY phone
E(24, "MET", ["AZ","BY"], [P("Elmar Mammadyarov","AZ",MFA), P("Vladimir Makei","BY",MFA)],
  "Foreign Minister Elmar Mammadyarov had a telephone conversation with the Foreign Minister of Belarus, Vladimir Makei", format="phone_call", date="2020-05-13")

# 25 KG-EE consultations + reception by the minister
E(25, "CONSULTED", ["EE","KG"], [P("Dzhusupov","KG","director of the ii political department of the ministry of foreign affairs"),
   P("Uibo","EE","director general of the ministry of foreign affairs")],
  "The first political consultations between the Ministries of Foreign Affairs of Kyrgyzstan and Estonia took place in the city of Bishkek",
  format="political_consultations", venue=V("Bishkek","KG"))
E(25, "MET", ["EE","KG"], [P("Aidarbekov","KG",MFA)],
  "the delegation of the Ministry of Foreign Affairs of Estonia was received by the Minister of Foreign Affairs of the Kyrgyz Republic Aidarbekov",
  venue=V("Bishkek","KG"))

# 26 KG-US meeting (consultations = purpose only; Cameron visit planned)
E(26, "MET", ["KG","US"], [P("Aibek Moldogaziev","KG","deputy minister of foreign affairs"),
   P("John Mark Pommersheim","US","deputy assistant secretary of state for central and south asian affairs")],
  "Kyrgyz Deputy Foreign Minister Aibek Moldogaziev and Deputy Assistant Secretary of State ... John Mark Pommersheim ... at a meeting in Bishkek",
  venue=V("Bishkek","KG"))

# 27 TM-KG consultations
E(27, "CONSULTED", ["KG","TM"], [P("Ruslan Biybosunov","KG","director of the first political department of the ministry of foreign affairs")],
  "Political consultations between Turkmenistan and Kyrgyzstan were held in Ashgabat", format="political_consultations", venue=V("Ashgabat","TM"))
