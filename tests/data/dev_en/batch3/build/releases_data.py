R = []
def add(url, date, title, publisher, text):
    R.append(dict(url=url, date=date, title=title, publisher=publisher, lang="en", text=text.strip()))

# 01
add("https://azertag.az/en/xeber/azerbaijani_israeli_fms_discuss_situation_in_region_and_around_gaza-3077318", "2024-07-01",
 "Azerbaijani, Israeli FMs discuss situation in region and around Gaza", "AZ", """
Baku, July 1, AZERTAC

Azerbaijan’s Minister of Foreign Affairs Jeyhun Bayramov had a telephone conversation with his Israeli counterpart Israel Katz on June 28.

During the telephone conversation, the ministers discussed the current situation of and prospects for cooperation between the two countries, as well as international and regional issues, and the situation around Gaza.

Minister Jeyhun Bayramov stressed the importance of achieving ceasefire in Gaza, not targeting the civilian population from both sides, and a peaceful resolution of the Israeli-Palestinian conflict.

The phone conversation also revolved around the deliberation of the proper work and plans to be implemented within Azerbaijan's chairmanship of the Conference on Interaction and Confidence Building Measures in Asia (CICA) for the 2024–2026 term.

FM Bayramov briefed his colleague about the current situation and realities in the region during the post-conflict period, the ongoing large-scale restoration and construction works in the liberated territories, the issues of combating the mine threat, as well as the Azerbaijan-Armenia peace process.

Jeyhun Bayramov underscored that the 29th session of the Conference of the Parties to the UN Framework Convention on Climate Change (COP29) would provide additional opportunities for cooperation between the two countries.

During the phone conversation, the sides also exchanged views on other issues of mutual interest.
""")

# 02
add("https://usmuslims.com/service/amp/turkish-foreign-minister-holds-sideline-meetings-in-indonesia-214336h.htm", "2023-07-14",
 "Turkish foreign minister holds sideline meetings in Indonesia", "TR", """
By Diyar Guldogan
ANKARA (AA) – Turkish Foreign Minister Hakan Fidan on Friday met with his counterparts on the sidelines of the Association of Southeast Asian Nations (ASEAN) meeting in Indonesia.
In the capital Jakarta, Fidan separately held talks with Bangladeshi Foreign Minister AK Abdul Momen, Brunei Darussalam’s Foreign Minister II Dato Erywan Yusof, and his Vietnamese counterpart Bui Thanh Son.
Fidan also held separate closed-door meetings with Japanese Foreign Minister Hayashi Yoshimasa, US Secretary of State Antony Blinken, and his Norwegian counterpart Anniken Huitfeldt.
Separately, Fidan met with EU foreign policy chief Josep Borrell.
Earlier Friday, President of Indonesia Joko Widodo received Fidan for talks.
Fidan will also attend the 5th ASEAN-Türkiye Sectoral Dialogue Partnership meeting.
Türkiye regards ASEAN as the most important framework of cooperation in the region. The country was granted the status of ASEAN sectoral dialogue partner in 2017.
""")

# 03
add("https://www.aa.com.tr/en/middle-east/turkish-foreign-minister-meets-with-syrian-counterpart-delegation-in-ankara/3658248", "2025-08",
 "Turkish foreign minister meets with Syrian counterpart, delegation in Ankara", "TR", """
Turkish foreign minister meets with Syrian counterpart, delegation in Ankara
Hakan Fidan, Asaad Hassan Al-Shaibani discuss bilateral, regional issues, says Turkish Foreign Ministry

ANKARA
Turkish Foreign Minister Hakan Fidan on Wednesday met with Syrian Foreign Minister Asaad Hassan Al-Shaibani, Defense Minister Murhef Abu Kasra and Intelligence Chief Hussein Salameh in the capital Ankara.
According to the Turkish Foreign Ministry, Fidan and Syrian officials discussed bilateral and regional issues at the ministry’s headquarters.
""")

# 04
add("https://tass.com/world/1663081", "2023-08-21", None, "RU", """
ISTANBUL, August 21. /TASS/. Turkish Foreign Minister Hakan Fidan met with Russian Ambassador to Ankara Alexey Yerokhov to discuss current issues on the bilateral and regional agenda, the Russian embassy said on Monday.

Turkish President Recep Tayyip Erdogan said earlier in the day that Fidan may pay a visit to Russia in the near future to prepare a meeting of the two countries’ leaders. He expressed the hope that he would meet with his Russian counterpart, Vladimir Putin, in September.
""")

# 05
add("https://www.lokmattimes.com/international/eam-jaishankar-meets-counterparts-from-denmark-uae-singapore-at-unga/", "2024-09-28",
 "EAM Jaishankar meets counterparts from Denmark, UAE, Singapore at UNGA", "IN", """
New York [US], September 28 : External Affairs Minister S Jaishankar, on the sidelines of the 79th session of the United Nations General Assembly (UNGA), met his counterparts from Denmark, UAE, Turkmenistan, Uzbekistan and Singapore.

The meetings centred around strengthening bilateral ties with each nation.

Sharing a post on X, Jaishankar said, "Pleasure to meet FM Lars Lokke Rasmussen of Denmark today at UNGA79. Appreciated the positive directions of our relationship. Shared perspective on the Ukraine conflict."

He also met the Foreign Minister of UAE and said, "Always a delight to meet my dear friend DPM and FM Maktoum bin Mohammed Al Maktoum of UAE. So much to talk about, on our ties and what's happening in the world."

During his meeting with the Foreign Minister and Deputy Prime Minister of Turkmenistan, Jaishankar discussed expanding the relations between the two nations. "A warm meeting with DPM and FM Rasit Meredow of Turkmenistan. Extended greetings on Turkmenistan's national day. Discussed further expanding our friendly ties," Jaishankar posted on X.

In another post, he said, "So nice to meet FM Bakhtiyor Saidov of Uzbekistan today in New York. Appreciate the progress in our bilateral ties. Value his insights on the region."

Jaishankar also met his Singaporean counterpart and said, "A great ending to a long day chatting with FM Vivian Balakrishnan of Singapore."

Jaishankar, who is currently on a visit to the US, met several delegates and diplomats on the sidelines of UNGA, including FM Caspar Veldkamp of the Netherlands, FM Timco Mucunski of North Macedonia, Kazakhstan Foreign Minister Nurtleu, Morocco Foreign Minister Nasser Bourita, Belgium Prime Minister Alexander De Croo, and Swiss Federal Councillor Ignazio Cassis, among many others.
""")

# 06
add("https://asianlite.ae/2020/top-news/uae-lithuania-discuss-enhancing-cooperation?utm_source=rss&utm_medium=rss&utm_campaign=uae-lithuania-discuss-enhancing-cooperation", "2020-09-23",
 "UAE, Lithuania discuss enhancing cooperation", "AE", """
The first Political Consultations Commission between the UAE Ministry of Foreign Affairs and International Cooperation and the Lithuanian Ministry of Foreign Affairs was held on Tuesday via video conference.

The UAE delegation was headed by Khalifa Shaheen Al Marar, Assistant Minister of Foreign Affairs and International Cooperation for Political Affairs, while the Lithuanian side was led by Vice-Minister of Foreign Affairs of Lithuania Neris Germanas.

During the meeting, both sides reviewed the two countries’ experience in combating the coronavirus, as well as the UAE’s humanitarian efforts in this regard, its assistance to affected countries, and the importance of solidarity and international cooperation in the fight against COVID-19.

The meeting also touched upon means to further develop bilateral relations and joint cooperation. It also tackled current regional and international developments and the two parties’ stances.

The two sides also discussed ways to enhance cooperation through regional and international organisations to reinforce shared positions on topics addressed at the regional and international levels.
""")

# 07
add("http://tashkenttimes.uz/national/888-shavkat-mirziyoyev-receives-credentials-of-foreign-ambassadors", "2017-05-02",
 "Shavkat Mirziyoyev receives credentials of foreign ambassadors", "UZ", """
Wednesday, 30, November, 2022

On May 2, Shavkat Mirziyoyev, for the first time after taking office of the President of Uzbekistan, received the credentials of foreign ambassadors, UzA said. The ceremony was aired on Uzbekistan channel.

In particular the credentials were presented by the head of the European Union delegation, Eduards Stiprais, as well as the ambassadors of Kyrgyzstan - Daniyar Sydykov, France - Violaine de Villemeurt, Italy - Andrea Bertozzi, the Czech Republic - Jaroslav Siro, Japan - Nobuaki Ito, Egypt - Amani al-Itr, Turkey - Ahmet Başar Şen and Saudi Arabia - Hisham bin Mishal al-Suwailim.

Welcoming the heads of missions, Shavkat Mirziyoyev noted that Uzbekistan attaches special importance to the development of cooperation with their respective countries.

"Since the first days of independence Uzbekistan has consistently pursued a deeply thought out foreign policy," the President said. "In relation to all our partners, we will pursue a pragmatic foreign policy in the spirit of openness and commitment to peace," he added.

The Head of State congratulated the ambassadors on taking up their posts in Uzbekistan and wished them success in their responsible activities.

Shavkat Mirziyoyev expressed his hope that the ambassadors, despite their busyness, will find time to visit Uzbekistan’s unique cities and villages in order to get to know better the people and their traditions."

"The ancient cities of Samarkand, Bukhara, Khiva, Termez, Shakhrisabz, Karshi ... Karakalpakstan, Fergana Valley - the more You visit the regions, the better You will get to know our history, traditions, our people. I am myself a big supporter of this," the President said.
""")

# 08
add("https://en.trend.az/casia/uzbekistan/3465625.html", "2021-08-05", None, "UZ", """
On 4 August 2021, the newly appointed Ambassador Extraordinary and Plenipotentiary of the Republic of Uzbekistan Mukhsinkhuja Abdurakhmonov presented copies of his credentials to Deputy Minister of Foreign Affairs of Japan Takeo Mori in Tokyo, Trend reports citing Uzdaily.

After the ceremony, Takeo Mori congratulated the new Ambassador on the high appointment and wished him every success.

During the conversation, it was emphasized that the official visit of the President of the Republic of Uzbekistan Shavkat Mirziyev to Japan in December 2019 gave a powerful impetus to the development of bilateral cooperation in all directions. It was emphasized that the leaders of Uzbekistan and Japan, during a telephone conversation on 12 May 2021, reached an agreement to further strengthen the strategic partnership between our countries.

Takeo Mori emphasized that the ties between Uzbekistan and Japan are based on the common interests of the peoples of the two countries, which have an ancient history of relations. He expressed confidence that Uzbekistan and Japan will be able to widely celebrate the 30th anniversary of the establishment of diplomatic relations in 2022 through joint cultural events.

They also discussed topical issues of Uzbek-Japanese relations, as well as the development of cooperation in the framework of the Dialogue "Central Asia + Japan".
""")

# 09
add("https://www.inform.kz/en/head-of-state-receives-russian-chinese-ambassadors_a4045628/amp", "2023-03-14",
 "Head of State receives Russian, Chinese ambassadors", "KZ", """
Head of State receives Russian, Chinese ambassadors

    14 March 2023, 16:02

    ASTANA. KAZINFORM – President Kassym-Jomart Tokayev of Kazakhstan received ambassadors of Russia and China, Kazinform cites the Akorda press service.

    During the meeting with Russian ambassador Alexey Borodavkin the Head of State noted the importance of Vladimir Putin’s visit to Kazakhstan as well as holding of the XIX Cross-Border Cooperation Forum in Kostanay this fall.

    The sides went on to touch upon the current state and prospects of the Kazakh-Russian cooperation.

    At the meeting with Chinese ambassador Zhang Xiao, the sides pointed out the relevance of the upcoming Central Asia + China Summit in Xian in May 2023 and the scheduled state visit of President Tokayev to China.

    The importance of further strengthening of bilateral relations, expansion of economic, investment and cultural-humanitarian ties was highlighted at the meeting.

    The Head of State highly appreciated Chinese President Xi Jinping’s efforts towards peaceful settlement of the situation in Ukraine.

    Kudrenok Tatyana
""")

# 10
add("http://www.newscentralasia.net/2022/08/27/ashgabat-hosted-turkmen-uzbek-political-consultations/", "2022-08-27",
 "Ashgabat hosted Turkmen-Uzbek political consultations", "TM", """
On 26 August 2022, political consultations between Turkmenistan and Uzbekistan were held in Ashgabat, the foreign ministry of Turkmenistan said in a press release.

The Turkmen delegation was headed by the Deputy Chairman of the Cabinet of Ministers, Minister of Foreign Affairs of Turkmenistan Rashid Meredov, the Uzbek delegation – by acting minister of foreign affairs of Uzbekistan Vladimir Norov.

During the consultations, topical issues of bilateral relations were discussed, including in the context of the implementation of previously reached agreements. The high level of relations between the two countries, the effective course of cooperation in the international arena were emphasized.

The heads of the foreign ministries, noting the importance of interaction within the framework of international organizations, expressed satisfaction with the practice of regular support for international initiatives and proposals of the two states at multilateral platforms.

In the context of the activities of the Intergovernmental Commission on Trade, Economic, Scientific, Technical and Cultural Cooperation, the heads of the foreign ministries discussed the issue of organizing a meeting of the Co-Chairs of the commission to analyze the implementation of the agreements reached at the highest level.

The parties comprehensively discussed the development of a mutually beneficial Uzbek-Turkmen strategic partnership in the political, diplomatic, trade, economy, transport and communication, water-energy, consular, legal, cultural and humanitarian spheres.

An exchange of views also took place on topical issues of regional cooperation, including in the economic sphere, ensuring regional security and jointly combating present challenges and threats.

As a result of political consultations, the final Protocol was signed.
""")

# 11
add("https://www.einpresswire.com/article/617474338/credentials-received-from-newly-appointed-ambassadors-of-foreign-countries", "2023-02-16",
 "Credentials received from newly appointed Ambassadors of foreign countries", "TM", """
Credentials received from newly appointed Ambassadors of foreign countries

16/02/2023

On February 14-16, 2023, on assignment of President Serdar Berdimuhamedov, the Chairman of the Mejlis of Turkmenistan G. Mammedova received credentials from the Ambassadors Extraordinary and Plenipotentiary of a number of foreign states - the Czech Republic Vaclav Yilek, the Republic of Cuba Carlos Enrique Valdez, Australia Graeme Meehan Leslie, the Kingdom of Sweden Thomas Danestad, Mongolia Dorji Bayarkhuu and the Kingdom of the Netherlands Andre Carstens.

On behalf of the leader of Turkmenistan, the head of the national Parliament congratulated each one of the foreign diplomats on their appointment to a responsible position, wishing them success in strengthening the relations of friendship and interstate dialogue, which is successfully developed both on a bilateral and multilateral basis.

The plenipotentiary representatives of these foreign countries, sequentially, conveyed warm greetings and best wishes from the leadership of their states to our esteemed President Serdar Berdimuhamedov and the entire turkmen people.

During the conversations, the plenipotentiary representatives were informed about the priorities of the domestic and foreign policy pursued by the head of Turkmenistan, the most important vector of which is the establishment of wide international cooperation in the interests of world peace and sustainable development.

The diplomats were also familiarized with the structure and activities of the Mejlis, with the fundamental reforms being carried out in the law-making sphere.

The Ambassadors highly evaluated the prospects for developing cooperation both in a bilateral and multilateral format, including through inter-parliamentary relations, major international organizations and its structures.
""")

# 12
add("https://eng.belta.by/politics/view/belarusian-ministry-of-foreign-affairs-briefs-foreign-diplomats-on-countrys-advance-into-brics-161196-2024", "2024-09-09",
 "Belarusian Ministry of Foreign Affairs briefs foreign diplomats on country’s advance into BRICS", "BY", """
Belarusian Ministry of Foreign Affairs briefs foreign diplomats on country’s advance into BRICS

MINSK, 9 September (BelTA) – Belarusian First Deputy Minister of Foreign Affairs Sergey Lukashevich held a briefing on 9 September to discuss the promotion of the Republic of Belarus in BRICS. The briefing was organized for diplomats of the BRICS member states, who are accredited in Belarus, the press service of the Belarusian Ministry of Foreign Affairs told BelTA.

Representatives of Russia, China, India, Brazil, Iran, and the United Arab Emirates took part in the briefing. Diplomats of the embassies of Egypt and Ethiopia with residence in Moscow joined the event via videoconference calls.

Participants of the briefing were informed about the work Belarus had done to join BRICS. Foreign diplomats shared their opinions about prospects of Belarus’ accession to this organization in the near future.
""")

# 13
add("https://tass.com/politics/1509681", "2022-09-19", None, "RU", """
MOSCOW, September 19. /TASS/. Heads of diplomatic missions of several countries, including French Ambassador Pierre Levy and the head of the Chinese diplomatic mission Zhang Hanhui, have arrived at the Russian Foreign Ministry for a closed meeting of Russian Foreign Minister Sergey Lavrov with heads of foreign diplomatic missions dedicated to the 77th session of the UN General Assembly, a TASS correspondent reported.

In addition to heads of French and Chinese diplomatic missions, ambassadors and representatives of diplomatic missions of Finland, the Netherlands, Iran, Austria, Kazakhstan, Nicaragua, Indonesia, Norway, Greece, Venezuela, North Korea, Gabon, as well as heads and representatives of embassies of dozens of other countries and WHO representative for Russia Melita Vuinovich were present at the meeting. However, there were no representatives of the US and British embassies at the entrance, where the press had gathered.

Earlier, Russian Foreign Ministry spokeswoman Maria Zakharova reported that Lavrov would hold a closed meeting with the heads of diplomatic missions accredited in Moscow on September 19.
""")

# 14
add("http://news.windowstorussia.com/ambassadors-of-10-countries-to-present-credentials-to-medvedev.html", "2011-07-14",
 "Ambassadors of 10 countries to present credentials to Medvedev", "RU", """
Ambassadors of 10 countries to present credentials to Medvedev.

14/7 Tass 3

MOSCOW, July 14 (Itar-Tass) — The ambassadors of ten countries, including Japan and the Holy See, who begin their diplomatic work in this position in Russia, will present their credentials Russian President Dmitry Medvedev on Thursday. The solemn ceremony, already the second this year, is traditionally held in the Kremlin.

Among the guests invited to the main residence of the Russian head of state are the new heads of diplomatic missions of Ethiopia – Kasahun Dender Melese, Burundi – Guillaume Ruzoviyo, Zimbabwe – Bonifes Guva Britto Chidyausiku, Japan – Chikahito Harada, Argentina – Juan Carlos Kreckler, India – Ajay Malhotra, Equatorial Guinea – Filiberto Ntutumu Nguema, Vietnam – Pham Xuan Son, El Salvador – Anita Christina Asher Echeverria, as well as Nuncio of the Holy See to Russia – Ivan Jurkovic.

The presentation of credentials symbolizes the official launch of work of the new heads of diplomatic missions in the country. The ceremony, by tradition, will begin at 13:00 Moscow time at the St. Alexander Hall of the Grand Kremlin Palace. At the appointed hour the ambassadors arrive at the Kremlin and proceed to the hall.

According to the Protocol, the Russian president is accompanied by the Minister of Foreign Affairs and foreign policy adviser. In turn, according to the beginning of the ambassador’s work in Moscow, the name of the diplomat is announced: each of them comes up to the president and hands him the credentials – a message from the head of state with a request to “trust” his representative.
""")

# 15
add("https://en.armradio.am/2021/08/27/french-ambassador-honored-with-a-medal-of-the-armenian-foreign-ministry/", "2021-08-27",
 "French Ambassador honored with a medal of the Armenian Foreign Ministry", "AM", """
Minister of Foreign Affairs Ararat Mirzoyan received French Ambassador to Armenia Jonathan Lacotte.

Ararat Mirzoyan noted that Armenia highly appreciates the privileged relations with France and the close dialogue at the highest level.

The interlocutors referred to the cooperation on bilateral and multilateral platforms, as well as the prospects of its strengthening and expansion.

Ararat Mirzoyan and Jonathan Lacotte discussed in detail the situation in Artsakh, emphasizing the need to resume the negotiation process for the settlement of the Karabakh conflict under the co-chairmanship of the OSCE Minsk Group.

Տhe situation created as a result of the invasion of the sovereign territory of Armenia from May 2021 by the Azerbaijani armed forces was discussed in detail.

Ararat Mirzoyan expressed his sincere appreciation to Jonathan Lacotte, who is completing his mission in Armenia, for his efforts and activities. For his significant contribution to the strengthening of the Armenian-French relations, Minister Mirzoyan awarded Ambassador Lacotte the Medal of Honor of the First Degree of the Ministry of Foreign Affairs.
""")

# 16
add("https://astanatimes.com/2025/07/kazakhstan-to-participate-in-sco-council-of-foreign-ministers-meeting/", "2025-07",
 "Kazakhstan to participate in SCO Council of Foreign Ministers meeting", "KZ", """
ASTANA – Kazakh Deputy Prime Minister and Foreign Minister Murat Nurtleu visited the Shanghai Cooperation Organization (SCO) Headquarters on July 14 during his trip to China to attend the upcoming meeting of the Council of Foreign Ministers of SCO member states, reported the Kazakh Foreign Ministry.

In Beijing, Nurtleu met with SCO Secretary-General Nurlan Yermekbayev and the organization’s staff to discuss current activities and preparations for high- and top-level events, including the SCO Summit of Heads of State scheduled for September in China.

The minister highlighted the Secretariat’s key role in promoting multifaceted cooperation within the SCO and praised its efforts to improve the organization’s operational efficiency. As part of his visit, Nurtleu toured the Secretariat’s meeting and ceremonial rooms, including the newly modernized Astana Hall.

The Council of Foreign Ministers of the SCO member states will convene on July 15 in Tianjin.
""")

# 17
add("https://24.kg/english/363253_Minister_Kulubaev_invites_UN_Secretary-General_to_attend_World_Nomad_Games_/", "2026-02-24",
 "Minister Kulubaev invites UN Secretary-General to attend World Nomad Games", "KG", """
On February 23, as part of the high-level segment of the Conference on Disarmament, Foreign Minister of Kyrgyzstan Jeenbek Kulubaev met with United Nations Secretary-General António Guterres. The two sides discussed the current state and prospects of cooperation.

According to the press service of the Foreign Ministry of Kyrgyzstan, support for the key role of the UN in strengthening peace and responding to global challenges was reaffirmed at the meeting, along with a commitment to further constructive engagement.

Particular attention was paid to the UN80 initiative, aimed at increasing the effectiveness and modernization of the organization. Support for ongoing reforms and a willingness to cooperate in their implementation were emphasized. The Kyrgyz side’s active engagement with UN agencies in Kyrgyzstan was noted.

In addition, the Minister of Foreign Affairs of Kyrgyzstan announced holding of the SCO summit and the 6th World Nomad Games scheduled for 2026, as well as preparations for the Bishkek+25 summit in 2027. In this regard, Kulubaev invited the UN Secretary-General to visit the Kyrgyz Republic to participate in these events.
""")

# 18
add("http://www.federicamogherini.net/in-brussels-a-point-of-reference-for-our-partners/?lang=en", "2019-05",
 "In Brussels, a point of reference for our partners", "EU", """
In Brussels, a point of reference for our partners

I write at the end of a week when we have welcomed tens of ministers to Brussels, representing many of our closest partners.

We started on Monday with Libya, in a meeting with Prime Minister Fayez al Serraj and a session of our Foreign Affairs Council together with the UN Special Envoy for Libya, Ghassam Salame: we discussed how to stop the fighting in the country and relaunch the UN-led political negotiations. Here is what I told journalists on Monday morning, here is the press release on my meeting with Serraj, and here is the statement with the 28 EU Member States.

Libya was also one of the issues we discussed with the Foreign and Defence Ministers of the five Sahel countries – Mali, Chad, Niger, Mauritania and Burkina Faso – in a joint meeting on Tuesday with the European Union’s Foreign and Defence Ministers. We talked about how to strengthen the G5 Sahel joint military force, which is playing a crucial role in contrasting terrorism and organised crime in the region. Here is Tuesday’s press conference, where I talk about the Sahel. In the margins of the meeting, I met bilaterally with the ministers of all five countries.

On Monday we also received a visit by US Secretary of State Mike Pompeo. I had called for a meeting on the same day with the Foreign Ministers of France, Germany and the UK, to confirm our support to the nuclear deal with Iran: together we spelled out again the need to avoid an escalation of tensions and violence in the Gulf. Here is Monday’s press conference on Iran and Pompeo’s visit.

Transatlantic cooperation was also at the core of our discussion on Tuesday with NATO’s deputy secretary-general Rose Gottemoeller, during the meeting of European Defence ministers. With the ministers we then continued our work on the 34 cooperation projects that Member States have launched in the field of defence.
""")

# 19
add("https://vovworld.vn/en-US/news/foreign-diplomats-congratulate-vietnam-on-national-day-1130983.vov", "2022",
 "Foreign diplomats congratulate Vietnam on National Day", "VN", """
Foreign diplomats congratulate Vietnam on National Day

(VOVWORLD) - Lao Deputy Ambassador to Russia Vongvilay Thiphalangsy offered his best wishes to the Party, State and people of Vietnam during his visit on Tuesday to the Vietnamese embassy to mark the 77th National Day of Vietnam (September 2).
Foreign diplomats congratulate Vietnam on National Day - ảnh 1Deputy Foreign Minister Pham Quang Hieu speaks at the celebration of the 77th National Day of Vietnam in Prague, the Czech Republic. (Photo: VOV)

The diplomats of both countries spoke highly of the special relationship between the two peoples of Vietnam and Laos and reaffirmed the determination to continue to cultivate the bilateral friendship.

On the same day, the Vietnamese Embassy in the Czech Republic held a celebration in Prague, where Deputy Foreign Minister Pham Quang Hieu pointed out that the Czech Republic was one of the first 10 countries to establish diplomatic relations with Vietnam (in 1950).

Hieu said that political relations between the two countries have become increasingly reliable, adding that Vietnam appreciates the Czech Republic’s support in promoting cooperation between Vietnam and the EU. Congratulating Vietnam on its National Day, Czech Deputy Foreign Minister Martin Tlapa spoke highly of the role of the Vietnamese community in the Czech Republic, and said he hopes there will be more Czech technology companies in Vietnam and that tourism between the two countries will continue to grow strongly.

Foreign diplomats congratulate Vietnam on National Day - ảnh 2Vietnamese Ambassador to Hungary Nguyen Thi Bich Thao delivers a speech at the reception.  

In Budapest, Hungary government and parliament officials and 400 diplomats, journalists, and Vietnamese expats attended a ceremony to mark Vietnam’s 77th National Day.
""")

# 20
add("https://www.azernews.az/nation/140931.html", "2018-11",
 None, "AZ", """
By Trend

The Azerbaijani Embassy in Belarus has held a conference dedicated to the 25th anniversary of the establishment of diplomatic relations between Azerbaijan and Belarus, the Embassy said in a statement Nov. 14.

The Deputy Chairwoman of the Upper Chamber of the Belarus Parliament Marianna Shchetkina, the Deputy Chairman of the Lower Chamber of the Belarus Parliament Boleslav Pirshtuk and the First Deputy Foreign Minister of Belarus Andrei Yeudachenka made speeches as special guests at the conference.

The event was also attended by the ambassadors of Tajikistan, Turkmenistan, Uzbekistan, Kyrgyzstan, Kazakhstan and Ukraine to Belarus, Russia's permanent representative to the CIS, the first deputy chairman of the CIS Executive Committee, rectors of leading universities of Belarus, scientists and culture figures, representatives of the public.

Opening the event, Ambassador Latif Gandilov described the participation in the conference of high-ranking representatives of the state and government of Belarus as an indicator of great respect for and attention to Azerbaijan.

Assessing personal friendly relations between heads of state as an important factor in bilateral relations, Latif Gandilov noted that these relations are a good example of interstate cooperation.

The ambassador stressed that the heads of state, thanks to their wise policy, eliminating the difficulties of the transition period, turned their countries into the states that deserve respect in the world, raising the bilateral relations to the level of strategic partnership.

The Deputy Chairwoman of the Upper Chamber of the Belarus Parliament Marianna Shchetkina and the Deputy Chairman of the Lower Chamber of the Belarus Parliament Boleslav Pirshtuk noted in their speeches that the relations between the two states in all spheres, including the inter-parliamentary relations, are at a high level.
""")

# 21
add("https://financialtribune.com/articles/national/28785/phone-call-on-region", "2015-10",
 "Phone Call on Region", "IR", """
Phone Call on Region

Foreign Minister Mohammad Javad Zarif and his Russian counterpart Sergei Lavrov held a phone conversation on Saturday to discuss the situation in the Middle East, according to a Foreign Ministry press release. The two sides underlined the need for “increased contacts” with the aim of helping resolve regional crises and restoring stability and security to the Middle East. Pointing to the Friday meeting between Russia, the US, Turkey and Saudi Arabia on the Syria crisis in Vienna, Zarif highlighted the “pivotal” role of the Syrian people in putting an end to the four-year conflict gripping the Arab country.
""")

# 22
add("https://agenciabrasil.ebc.com.br./en/politica/noticia/2019-06/bolsonaro-gets-credentials-eight-ambassadors", "2019-06-04",
 "Bolsonaro gets credentials from eight ambassadors", "BR", """
Bolsonaro gets credentials from eight ambassadors


Brazilian President Jair Bolsonaro on Tuesday (Jun 4) received credentials from eight new ambassadors in Brazil, among them Venezuelan diplomat María Teresa Belandria Expósito, who represents the self-proclaimed government of acting President of Venezuela Juan Guaidó.
Guaidó, who also chairs the National Assembly, is recognized by the Brazilian government as Venezuela’s legitimate president.
During the ceremony at the Planalto presidential palace, Bolsonaro had a quick talk with each of the diplomats, alongside Foreign Minister Ernesto Araújo.
In addition to María Teresa, permission to serve was given to Mexico’s Ignácio Piña Rojas, Colombia’s Dario Alonso Montoya Mejía, Paraguay’s Bernardino Hugo Saguier Caballero, Saudi Arabia’s Ali Abdullah Bahitham, Peru’s Javier Raúl Martin Yépez Verdeguer, Guinea’s Kabinet Konde, and Indonesia’s Edi Yusup.
Traditionally, an ambassador takes office after submitting the documents sent by the presidents of their countries to the government where he/she is to serve. In case the credentials are not handed to the Brazilian president, the ambassador is not allowed to represent their country at hearings and official ceremonies in Brazil.
""")

# 23
add("http://www.today.az/news/politics/183004.html", "2019-05-28",
 "Iran Foreign Minister to visit Baku in coming weeks", "IR", """
TODAY.AZ / Politics

Iran Foreign Minister to visit Baku in coming weeks

28 May 2019 [14:49] - TODAY.AZ

By Trend:

Iran's Foreign Minister Mohammad Javad Zarif will visit Azerbaijan in coming weeks, the country's foreign ministry spokesperson Sayyed Abbas Mousavi told Trend.

"The foreign minister's visit to Baku is on the agenda. The exact date of the visit hasn't been set yet. Probably, the trip will take place in the coming weeks," said the spokesperson.

He said that the purpose of the trip is to discuss bilateral and regional issues.

"This is the new initiative of the Islamic Republic with its northern neighboring countries. With the aim of strengthening bilateral relations and convergence of goals, we are going to start discussions with the northern neighbors of Iran. The foreign ministry is currently in the process of negotiating with several Asian countries to set up a foreign minister's visit,” said Mousavi.
""")

# 24
add("https://news.az/news/azerbaijani-belarusian-fms-hold-phone-conversation", "2020-05-13",
 "Azerbaijani, Belarusian FMs hold phone conversation", "AZ", """
On 13 May 2020, Foreign Minister Elmar Mammadyarov had a telephone conversation with the Foreign Minister of Belarus, Vladimir Makei.

Touching upon the current global situation, the Ministers exchanged views on measures taken by the states to fight global COVID19 and emphasized the importance of international solidarity in this regard.

The sides discussed the future perspectives of bilateral relations and noted with satisfaction the high-level political relations between the two states. The importance of maintaining and further developing trade and economic relations, despite the pandemic were highlighted. The issues of interaction and realization of common projects in spheres of transport, logistics, and energy were also touched upon.

Cooperation and joint actions within the international organizations, including the UN, CIS, as well as the relations with the European Union, including those within the Eastern Partnership Framework, were discussed by the Ministers.

The agenda of future bilateral contacts on different levels was discussed. It was agreed to continue them after the lift of all restrictions connected to the COVID-19 pandemic.
""")

# 25
add("https://www.azernews.az/region/141197.html", "2018-11-19", None, "KG", """
By Trend

The first political consultations between the Ministries of Foreign Affairs of Kyrgyzstan and Estonia took place in the city of Bishkek, kabar.kg reports.

The press service of the Kyrgyz Foreign Ministry reported that the delegation of the Ministry of Foreign Affairs of the Kyrgyz Republic was headed by Director of the II-Political Department of the Ministry of Foreign Affairs of the Kyrgyz Republic Dzhusupov. The delegation of the Ministry of Foreign Affairs of Estonia was headed by Director General of the Ministry of Foreign Affairs of Estonia Uibo.

During the consultations, the sodes stressed the need to develop bilateral political dialogue by organizing reciprocal visits, expressing hope for further intensification of the whole range of relations between the countries, including in the direction of enhancing trade and economic ties and developing a bilateral legal base.

The dynamic cooperation in the IT sphere was positively evaluated, in particular, in the implementation in Kyrgyzstan of the e-government project “Turku” and the software product “Electronic Consul” in the framework of EU institutional assistance.

After the consultations, the delegation of the Ministry of Foreign Affairs of Estonia was received by the Minister of Foreign Affairs of the Kyrgyz Republic Aidarbekov.

Following the consultations and negotiations, the sides reaffirmed their mutual desire to continue the course of deepening the partnership and diversification of bilateral relations.
""")

# 26
add("https://news-pravda.com/world/2024/04/22/454834.html", "2024-04-22",
 "Representatives of the US State Department and the Kyrgyz Foreign Ministry discussed regional security issues", "KG", """
Representatives of the US State Department and the Kyrgyz Foreign Ministry discussed regional security issues
BISHKEK, April 22. /tass/. Kyrgyz Deputy Foreign Minister Aibek Moldogaziev and Deputy Assistant Secretary of State for Central and South Asian Affairs John Mark Pommersheim discussed regional security issues and the development of cooperation at a meeting in Bishkek. This was reported by the press service of the Kyrgyz Foreign Ministry.
"Deputy Minister of Foreign Affairs of the Kyrgyz Republic Aybek Moldogaziev met with Deputy Assistant Secretary of State for Central and South Asian Affairs John Mark Pommersheim, who arrived in Bishkek to participate in the regular annual bilateral consultations between the Kyrgyz Republic and the United States. The interlocutors exchanged views on the current geopolitical situation, as well as on regional security issues," the message reads.
According to the press service, "key issues on the agenda and prospects for the development of Kyrgyz-American relations" were also discussed during the meeting.
In particular, the parties discussed issues of further cooperation in the field of business, investment, and human rights.
"At the end of the conversation, the parties confirmed their mutual desire to strengthen bilateral cooperation, as well as further joint work in all areas of mutually beneficial cooperation," the message says.
British Foreign Minister David Cameron's visit to Bishkek will also take place on April 22-23.
""")

# 27
add("https://en.trend.az/casia/turkmenistan/3069603.html", "2019-05-29",
 "Turkmenistan, Kyrgyzstan hold political consultations", "TM", """
Turkmenistan, Kyrgyzstan hold political consultations

29 May 2019 16:01 (UTC+04:00)

Ashgabat, Turkmenistan, May 29

By Huseyn Hasanov – Trend:

Political consultations between Turkmenistan and Kyrgyzstan were held in Ashgabat, Trend reports referring to the Turkmen Foreign Ministry.

The delegation from Bishkek was headed by the director of the first political department of the Kyrgyz Foreign Ministry Ruslan Biybosunov. The parties noted the importance of intensifying contacts at the highest state level, including the need to expand inter-parliamentary ties.

During the talks, priority areas - water, transport and energy diplomacy - were also noted.

The sides also discussed issues of cooperation between the two countries as part of reputable international organizations, and the readiness of the Kyrgyz side to negotiate reforming of the International Fund for Saving the Aral Sea (IFAS) was considered.

After discussing the prospects for trade and economic potential, the parties considered the possibilities of expanding contacts between the business circles of the two countries and holding regular business forums.
""")
