// Country names and codes from Debian iso-codes 4.15.0 (LGPL-2.1-or-later), flattened in
// ../shared/testdata/country-codes; Japanese names from iso-codes' ja catalogue; regions and aliases by xborder.

/// The built-in country table, as UTF-8 CSV (RFC 4180, LF line ends, header row first).
///
/// Columns: `alpha2`, `alpha3`, `numeric` (ISO 3166-1; `XK` Kosovo is a user-assigned code with no
/// numeric), `name` (short English name), `name_ja` (Japanese name), `region` (one of `east_asia`,
/// `southeast_asia`, `south_asia`, `central_asia`, `middle_east`, `europe`, `africa`,
/// `north_america`, `latin_america`, `oceania`, after the UN M49 sub-regions) and `aliases`
/// (`|`-separated extra spellings in English and Japanese, including the ISO and official names,
/// each naming exactly one country; match case-insensitively).
///
/// A few entries differ from iso-codes on purpose: plain short English names (`KR` "South Korea",
/// `RU` "Russia", …), Japanese names the catalogue left untranslated or misspelt (`CZ`, `TR`, `MK`,
/// `SZ`, `TZ`) and the short Japanese forms of business writing (`US` 米国, `KR` 韓国, `RU` ロシア,
/// `KP` 北朝鮮, `TW` 台湾 …; the iso-codes names stay as aliases). Regions: `IR` is under
/// `middle_east`, `CY` under `europe`, and `AQ` (no M49 sub-region) under `oceania`.
/// Kept as one raw string literal so the table compiles quickly; parse it once at startup.
let countryTableCSV = #"""
alpha2,alpha3,numeric,name,name_ja,region,aliases
AD,AND,020,Andorra,アンドラ,europe,Principality of Andorra
AE,ARE,784,United Arab Emirates,アラブ首長国連邦,middle_east,UAE|U.A.E.|Emirates
AF,AFG,004,Afghanistan,アフガニスタン,south_asia,Islamic Republic of Afghanistan
AG,ATG,028,Antigua and Barbuda,アンティグア・バーブーダ,latin_america,
AI,AIA,660,Anguilla,アングイラ,latin_america,
AL,ALB,008,Albania,アルバニア,europe,Republic of Albania
AM,ARM,051,Armenia,アルメニア,middle_east,Republic of Armenia
AO,AGO,024,Angola,アンゴラ,africa,Republic of Angola
AQ,ATA,010,Antarctica,南極大陸,oceania,
AR,ARG,032,Argentina,アルゼンチン,latin_america,Argentine Republic
AS,ASM,016,American Samoa,米領サモア,oceania,
AT,AUT,040,Austria,オーストリア,europe,Österreich|Republic of Austria
AU,AUS,036,Australia,オーストラリア,oceania,豪州|オーストラリア連邦
AW,ABW,533,Aruba,アルーバ,latin_america,
AX,ALA,248,Åland Islands,オーランド諸島,europe,Aland Islands
AZ,AZE,031,Azerbaijan,アゼルバイジャン,middle_east,Republic of Azerbaijan
BA,BIH,070,Bosnia and Herzegovina,ボスニア・ヘルツェゴビナ,europe,Republic of Bosnia and Herzegovina
BB,BRB,052,Barbados,バルバドス,latin_america,
BD,BGD,050,Bangladesh,バングラデシュ,south_asia,People's Republic of Bangladesh
BE,BEL,056,Belgium,ベルギー,europe,Kingdom of Belgium
BF,BFA,854,Burkina Faso,ブルキナファソ,africa,
BG,BGR,100,Bulgaria,ブルガリア,europe,Republic of Bulgaria
BH,BHR,048,Bahrain,バーレーン,middle_east,Kingdom of Bahrain
BI,BDI,108,Burundi,ブルンジ,africa,Republic of Burundi
BJ,BEN,204,Benin,ベナン,africa,Republic of Benin
BL,BLM,652,Saint Barthélemy,サンバルテルミ,latin_america,Saint Barthelemy
BM,BMU,060,Bermuda,バーミューダ,north_america,
BN,BRN,096,Brunei Darussalam,ブルネイ,southeast_asia,Brunei|ブルネイ・ダルサラーム国
BO,BOL,068,Bolivia,ボリビア,latin_america,"Bolivia, Plurinational State of|Plurinational State of Bolivia|ボリビア多民族国"
BQ,BES,535,"Bonaire, Sint Eustatius and Saba",ボネール、シントユースタティウス及びサバ,latin_america,
BR,BRA,076,Brazil,ブラジル,latin_america,Federative Republic of Brazil
BS,BHS,044,Bahamas,バハマ,latin_america,Commonwealth of the Bahamas
BT,BTN,064,Bhutan,ブータン,south_asia,Kingdom of Bhutan
BV,BVT,074,Bouvet Island,ブーベ島,latin_america,
BW,BWA,072,Botswana,ボツワナ,africa,Republic of Botswana
BY,BLR,112,Belarus,ベラルーシ,europe,Republic of Belarus
BZ,BLZ,084,Belize,ベリーズ,latin_america,
CA,CAN,124,Canada,カナダ,north_america,
CC,CCK,166,Cocos (Keeling) Islands,ココス (キーリング) 諸島,oceania,
CD,COD,180,"Congo, The Democratic Republic of the",コンゴ民主共和国,africa,DR Congo|DRC|Congo-Kinshasa
CF,CAF,140,Central African Republic,中央アフリカ共和国,africa,
CG,COG,178,Congo,コンゴ,africa,Congo-Brazzaville|Republic of the Congo
CH,CHE,756,Switzerland,スイス,europe,Swiss Confederation|Schweiz|Suisse|Svizzera
CI,CIV,384,Côte d'Ivoire,コートジボワール,africa,Ivory Coast|Cote d'Ivoire|象牙海岸|Republic of Côte d'Ivoire
CK,COK,184,Cook Islands,クック諸島,oceania,
CL,CHL,152,Chile,チリ,latin_america,Republic of Chile
CM,CMR,120,Cameroon,カメルーン,africa,Republic of Cameroon
CN,CHN,156,China,中国,east_asia,PRC|P.R.C.|Mainland China|People's Republic of China|中華人民共和国|中国大陸|中国本土
CO,COL,170,Colombia,コロンビア,latin_america,Republic of Colombia
CR,CRI,188,Costa Rica,コスタリカ,latin_america,Republic of Costa Rica
CU,CUB,192,Cuba,キューバ,latin_america,Republic of Cuba
CV,CPV,132,Cabo Verde,カーボヴェルデ,africa,Cape Verde|Republic of Cabo Verde
CW,CUW,531,Curaçao,キュラソー,latin_america,Curacao
CX,CXR,162,Christmas Island,クリスマス島,oceania,
CY,CYP,196,Cyprus,キプロス,europe,Republic of Cyprus
CZ,CZE,203,Czechia,チェコ,europe,Czech Republic|チェコ共和国
DE,DEU,276,Germany,ドイツ,europe,Deutschland|Federal Republic of Germany
DJ,DJI,262,Djibouti,ジブチ,africa,Republic of Djibouti
DK,DNK,208,Denmark,デンマーク,europe,Kingdom of Denmark
DM,DMA,212,Dominica,ドミニカ,latin_america,Commonwealth of Dominica
DO,DOM,214,Dominican Republic,ドミニカ共和国,latin_america,
DZ,DZA,012,Algeria,アルジェリア,africa,People's Democratic Republic of Algeria
EC,ECU,218,Ecuador,エクアドル,latin_america,Republic of Ecuador
EE,EST,233,Estonia,エストニア,europe,Republic of Estonia
EG,EGY,818,Egypt,エジプト,africa,Arab Republic of Egypt
EH,ESH,732,Western Sahara,西サハラ,africa,
ER,ERI,232,Eritrea,エリトリア,africa,the State of Eritrea|エリトリア国
ES,ESP,724,Spain,スペイン,europe,España|Kingdom of Spain
ET,ETH,231,Ethiopia,エチオピア,africa,Federal Democratic Republic of Ethiopia
FI,FIN,246,Finland,フィンランド,europe,Republic of Finland
FJ,FJI,242,Fiji,フィジー,oceania,Republic of Fiji
FK,FLK,238,Falkland Islands (Malvinas),フォークランド諸島 (マルビナス),latin_america,
FM,FSM,583,"Micronesia, Federated States of",ミクロネシア連邦,oceania,Micronesia|Federated States of Micronesia
FO,FRO,234,Faroe Islands,フェロー諸島,europe,
FR,FRA,250,France,フランス,europe,République française|French Republic
GA,GAB,266,Gabon,ガボン,africa,Gabonese Republic
GB,GBR,826,United Kingdom,英国,europe,UK|U.K.|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|イギリス|連合王国|United Kingdom of Great Britain and Northern Ireland
GD,GRD,308,Grenada,グレナダ,latin_america,
GE,GEO,268,Georgia,ジョージア,middle_east,グルジア
GF,GUF,254,French Guiana,仏領ギアナ,latin_america,
GG,GGY,831,Guernsey,ガーンジー,europe,
GH,GHA,288,Ghana,ガーナ,africa,Republic of Ghana
GI,GIB,292,Gibraltar,ジブラルタル,europe,
GL,GRL,304,Greenland,グリーンランド,north_america,
GM,GMB,270,Gambia,ガンビア,africa,Republic of the Gambia
GN,GIN,324,Guinea,ギニア,africa,Republic of Guinea
GP,GLP,312,Guadeloupe,グアドループ,latin_america,
GQ,GNQ,226,Equatorial Guinea,赤道ギニア,africa,Republic of Equatorial Guinea
GR,GRC,300,Greece,ギリシャ,europe,EL|Hellas|Hellenic Republic
GS,SGS,239,South Georgia and the South Sandwich Islands,サウスジョージア及びサウスサンドウィッチ諸島,latin_america,
GT,GTM,320,Guatemala,グアテマラ,latin_america,Republic of Guatemala
GU,GUM,316,Guam,グアム,oceania,
GW,GNB,624,Guinea-Bissau,ギニアビサウ,africa,Republic of Guinea-Bissau
GY,GUY,328,Guyana,ガイアナ,latin_america,Republic of Guyana
HK,HKG,344,Hong Kong,香港,east_asia,Hong Kong SAR|HKSAR|Hong Kong Special Administrative Region of China|Hongkong|香港特別行政区
HM,HMD,334,Heard Island and McDonald Islands,ハード島及びマクドナルド諸島,oceania,
HN,HND,340,Honduras,ホンジュラス,latin_america,Republic of Honduras
HR,HRV,191,Croatia,クロアチア,europe,Republic of Croatia
HT,HTI,332,Haiti,ハイチ,latin_america,Republic of Haiti
HU,HUN,348,Hungary,ハンガリー,europe,
ID,IDN,360,Indonesia,インドネシア,southeast_asia,Republic of Indonesia
IE,IRL,372,Ireland,アイルランド,europe,
IL,ISR,376,Israel,イスラエル,middle_east,State of Israel
IM,IMN,833,Isle of Man,マン島,europe,
IN,IND,356,India,インド,south_asia,Bharat|Republic of India
IO,IOT,086,British Indian Ocean Territory,英国インド洋領土,africa,
IQ,IRQ,368,Iraq,イラク,middle_east,Republic of Iraq
IR,IRN,364,Iran,イラン,middle_east,"Iran, Islamic Republic of|Islamic Republic of Iran|イラン・イスラム共和国"
IS,ISL,352,Iceland,アイスランド,europe,Republic of Iceland
IT,ITA,380,Italy,イタリア,europe,Italia|Italian Republic
JE,JEY,832,Jersey,ジャージー,europe,
JM,JAM,388,Jamaica,ジャマイカ,latin_america,
JO,JOR,400,Jordan,ヨルダン,middle_east,Hashemite Kingdom of Jordan
JP,JPN,392,Japan,日本,east_asia,Nippon|Nihon|日本国
KE,KEN,404,Kenya,ケニア,africa,Republic of Kenya
KG,KGZ,417,Kyrgyzstan,キルギス,central_asia,Kyrgyz Republic|キルギスタン
KH,KHM,116,Cambodia,カンボジア,southeast_asia,Kingdom of Cambodia
KI,KIR,296,Kiribati,キリバス,oceania,Republic of Kiribati
KM,COM,174,Comoros,コモロ,africa,Union of the Comoros
KN,KNA,659,Saint Kitts and Nevis,セントクリストファー・ネーヴィス,latin_america,
KP,PRK,408,North Korea,北朝鮮,east_asia,"DPRK|Democratic People's Republic of Korea|Korea, Democratic People's Republic of|朝鮮民主主義人民共和国"
KR,KOR,410,South Korea,韓国,east_asia,"Korea|Republic of Korea|ROK|Korea, Republic of|대한민국|大韓民国 (韓国)|大韓民国"
KW,KWT,414,Kuwait,クウェート,middle_east,State of Kuwait
KY,CYM,136,Cayman Islands,ケイマン諸島,latin_america,
KZ,KAZ,398,Kazakhstan,カザフスタン,central_asia,Republic of Kazakhstan
LA,LAO,418,Laos,ラオス,southeast_asia,Lao People's Democratic Republic|Lao PDR|ラオス人民民主共和国
LB,LBN,422,Lebanon,レバノン,middle_east,Lebanese Republic
LC,LCA,662,Saint Lucia,セントルシア,latin_america,
LI,LIE,438,Liechtenstein,リヒテンシュタイン,europe,Principality of Liechtenstein
LK,LKA,144,Sri Lanka,スリランカ,south_asia,Democratic Socialist Republic of Sri Lanka
LR,LBR,430,Liberia,リベリア,africa,Republic of Liberia
LS,LSO,426,Lesotho,レソト,africa,Kingdom of Lesotho
LT,LTU,440,Lithuania,リトアニア,europe,Republic of Lithuania
LU,LUX,442,Luxembourg,ルクセンブルク,europe,Grand Duchy of Luxembourg
LV,LVA,428,Latvia,ラトビア,europe,Republic of Latvia
LY,LBY,434,Libya,リビア,africa,
MA,MAR,504,Morocco,モロッコ,africa,Kingdom of Morocco
MC,MCO,492,Monaco,モナコ,europe,Principality of Monaco
MD,MDA,498,Moldova,モルドバ,europe,"Moldova, Republic of|Republic of Moldova|モルドバ共和国"
ME,MNE,499,Montenegro,モンテネグロ,europe,
MF,MAF,663,Saint Martin (French part),サンマルタン (仏領),latin_america,
MG,MDG,450,Madagascar,マダガスカル,africa,Republic of Madagascar
MH,MHL,584,Marshall Islands,マーシャル諸島,oceania,Republic of the Marshall Islands
MK,MKD,807,North Macedonia,北マケドニア,europe,Macedonia|マケドニア|Republic of North Macedonia
ML,MLI,466,Mali,マリ,africa,Republic of Mali
MM,MMR,104,Myanmar,ミャンマー,southeast_asia,Burma|Republic of Myanmar
MN,MNG,496,Mongolia,モンゴル,east_asia,モンゴル国
MO,MAC,446,Macao,マカオ,east_asia,Macau|Macao SAR|Macau SAR|澳門|Macao Special Administrative Region of China
MP,MNP,580,Northern Mariana Islands,北マリアナ諸島,oceania,Commonwealth of the Northern Mariana Islands
MQ,MTQ,474,Martinique,マルティニーク,latin_america,
MR,MRT,478,Mauritania,モーリタニア,africa,Islamic Republic of Mauritania
MS,MSR,500,Montserrat,モントセラト,latin_america,
MT,MLT,470,Malta,マルタ,europe,Republic of Malta
MU,MUS,480,Mauritius,モーリシャス,africa,Republic of Mauritius
MV,MDV,462,Maldives,モルディブ,south_asia,Republic of Maldives
MW,MWI,454,Malawi,マラウイ,africa,Republic of Malawi
MX,MEX,484,Mexico,メキシコ,latin_america,United Mexican States
MY,MYS,458,Malaysia,マレーシア,southeast_asia,
MZ,MOZ,508,Mozambique,モザンビーク,africa,Republic of Mozambique
NA,NAM,516,Namibia,ナミビア,africa,Republic of Namibia
NC,NCL,540,New Caledonia,ニューカレドニア,oceania,
NE,NER,562,Niger,ニジェール,africa,Republic of the Niger
NF,NFK,574,Norfolk Island,ノーフォーク島,oceania,
NG,NGA,566,Nigeria,ナイジェリア,africa,Federal Republic of Nigeria
NI,NIC,558,Nicaragua,ニカラグア,latin_america,Republic of Nicaragua
NL,NLD,528,Netherlands,オランダ,europe,Holland|The Netherlands|Nederland|Kingdom of the Netherlands
NO,NOR,578,Norway,ノルウェー,europe,Kingdom of Norway
NP,NPL,524,Nepal,ネパール,south_asia,Federal Democratic Republic of Nepal
NR,NRU,520,Nauru,ナウル,oceania,Republic of Nauru
NU,NIU,570,Niue,ニウエ,oceania,
NZ,NZL,554,New Zealand,ニュージーランド,oceania,
OM,OMN,512,Oman,オマーン,middle_east,Sultanate of Oman
PA,PAN,591,Panama,パナマ,latin_america,Republic of Panama
PE,PER,604,Peru,ペルー,latin_america,Republic of Peru
PF,PYF,258,French Polynesia,仏領ポリネシア,oceania,
PG,PNG,598,Papua New Guinea,パプアニューギニア,oceania,Independent State of Papua New Guinea
PH,PHL,608,Philippines,フィリピン,southeast_asia,Republic of the Philippines
PK,PAK,586,Pakistan,パキスタン,south_asia,Islamic Republic of Pakistan
PL,POL,616,Poland,ポーランド,europe,Republic of Poland
PM,SPM,666,Saint Pierre and Miquelon,サンピエール及びミクロン,north_america,
PN,PCN,612,Pitcairn,ピトケアン,oceania,
PR,PRI,630,Puerto Rico,プエルトリコ,latin_america,
PS,PSE,275,"Palestine, State of",パレスチナ,middle_east,Palestine|the State of Palestine
PT,PRT,620,Portugal,ポルトガル,europe,Portuguese Republic
PW,PLW,585,Palau,パラオ,oceania,Republic of Palau
PY,PRY,600,Paraguay,パラグアイ,latin_america,Republic of Paraguay
QA,QAT,634,Qatar,カタール,middle_east,State of Qatar
RE,REU,638,Réunion,レユニオン,africa,Reunion
RO,ROU,642,Romania,ルーマニア,europe,
RS,SRB,688,Serbia,セルビア,europe,Republic of Serbia
RU,RUS,643,Russia,ロシア,europe,Russian Federation|ロシア連邦
RW,RWA,646,Rwanda,ルワンダ,africa,Rwandese Republic
SA,SAU,682,Saudi Arabia,サウジアラビア,middle_east,KSA|Saudi|Kingdom of Saudi Arabia|サウジ|サウジアラビア王国
SB,SLB,090,Solomon Islands,ソロモン諸島,oceania,
SC,SYC,690,Seychelles,セーシェル,africa,Republic of Seychelles
SD,SDN,729,Sudan,スーダン,africa,Republic of the Sudan
SE,SWE,752,Sweden,スウェーデン,europe,Kingdom of Sweden
SG,SGP,702,Singapore,シンガポール,southeast_asia,Republic of Singapore
SH,SHN,654,"Saint Helena, Ascension and Tristan da Cunha",セントヘレナ、アセンション及びトリスタン・ダ・クーニャ,africa,
SI,SVN,705,Slovenia,スロベニア,europe,Republic of Slovenia
SJ,SJM,744,Svalbard and Jan Mayen,スヴァールバル及びヤンマイエン,europe,
SK,SVK,703,Slovakia,スロバキア,europe,Slovak Republic
SL,SLE,694,Sierra Leone,シエラレオネ,africa,Republic of Sierra Leone
SM,SMR,674,San Marino,サンマリノ,europe,Republic of San Marino
SN,SEN,686,Senegal,セネガル,africa,Republic of Senegal
SO,SOM,706,Somalia,ソマリア,africa,Federal Republic of Somalia
SR,SUR,740,Suriname,スリナム,latin_america,Republic of Suriname
SS,SSD,728,South Sudan,南スーダン,africa,Republic of South Sudan
ST,STP,678,Sao Tome and Principe,サントメ・プリンシペ,africa,Democratic Republic of Sao Tome and Principe
SV,SLV,222,El Salvador,エルサルバドル,latin_america,Republic of El Salvador
SX,SXM,534,Sint Maarten (Dutch part),サンマルタン (オランダ領),latin_america,
SY,SYR,760,Syria,シリア,middle_east,Syrian Arab Republic|シリア・アラブ共和国
SZ,SWZ,748,Eswatini,エスワティニ,africa,Swaziland|スワジランド|Kingdom of Eswatini
TC,TCA,796,Turks and Caicos Islands,タークス及びカイコス諸島,latin_america,
TD,TCD,148,Chad,チャド,africa,Republic of Chad
TF,ATF,260,French Southern Territories,フランス南方領土,africa,
TG,TGO,768,Togo,トーゴ,africa,Togolese Republic
TH,THA,764,Thailand,タイ,southeast_asia,Kingdom of Thailand|タイ王国
TJ,TJK,762,Tajikistan,タジキスタン,central_asia,Republic of Tajikistan
TK,TKL,772,Tokelau,トケラウ,oceania,
TL,TLS,626,Timor-Leste,東ティモール,southeast_asia,East Timor|Democratic Republic of Timor-Leste
TM,TKM,795,Turkmenistan,トルクメニスタン,central_asia,
TN,TUN,788,Tunisia,チュニジア,africa,Republic of Tunisia
TO,TON,776,Tonga,トンガ,oceania,Kingdom of Tonga
TR,TUR,792,Türkiye,トルコ,middle_east,Turkey|Turkiye|Republic of Türkiye|テュルキエ|トルコ共和国
TT,TTO,780,Trinidad and Tobago,トリニダード・トバゴ,latin_america,Republic of Trinidad and Tobago
TV,TUV,798,Tuvalu,ツバル,oceania,
TW,TWN,158,Taiwan,台湾,east_asia,"Taiwan, Province of China"
TZ,TZA,834,Tanzania,タンザニア,africa,"Tanzania, United Republic of|United Republic of Tanzania|タンザニア連合共和国"
UA,UKR,804,Ukraine,ウクライナ,europe,
UG,UGA,800,Uganda,ウガンダ,africa,Republic of Uganda
UM,UMI,581,United States Minor Outlying Islands,合衆国領有小離島,oceania,アメリカ合衆国外諸島
US,USA,840,United States,米国,north_america,USA|U.S.|U.S.A.|America|United States of America|アメリカ|合衆国|アメリカ合衆国
UY,URY,858,Uruguay,ウルグアイ,latin_america,Eastern Republic of Uruguay
UZ,UZB,860,Uzbekistan,ウズベキスタン,central_asia,Republic of Uzbekistan
VA,VAT,336,Holy See (Vatican City State),バチカン市国,europe,Vatican|Vatican City|Holy See|バチカン|聖庁 (バチカン市国)
VC,VCT,670,Saint Vincent and the Grenadines,セントビンセント及びグレナディーン諸島,latin_america,
VE,VEN,862,Venezuela,ベネズエラ,latin_america,"Venezuela, Bolivarian Republic of|Bolivarian Republic of Venezuela|ベネズエラ・ボリバル共和国"
VG,VGB,092,"Virgin Islands, British",英領ヴァージン諸島,latin_america,British Virgin Islands
VI,VIR,850,"Virgin Islands, U.S.",米領ヴァージン諸島,latin_america,Virgin Islands of the United States
VN,VNM,704,Vietnam,ベトナム,southeast_asia,Viet Nam|Socialist Republic of Viet Nam|ベトナム社会主義共和国|越南
VU,VUT,548,Vanuatu,バヌアツ,oceania,Republic of Vanuatu
WF,WLF,876,Wallis and Futuna,ワリー及びフテュナ,oceania,
WS,WSM,882,Samoa,サモア,oceania,Independent State of Samoa
XK,XKX,,Kosovo,コソボ,europe,Republic of Kosovo
YE,YEM,887,Yemen,イエメン,middle_east,Republic of Yemen
YT,MYT,175,Mayotte,マヨット,africa,
ZA,ZAF,710,South Africa,南アフリカ,africa,Republic of South Africa
ZM,ZMB,894,Zambia,ザンビア,africa,Republic of Zambia
ZW,ZWE,716,Zimbabwe,ジンバブエ,africa,Republic of Zimbabwe
"""#
