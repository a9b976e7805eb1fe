"""The one vocabulary of synthetic people: given names and surnames of the
source states in Latin, Devanagari, Bengali and Odia script. The demo's
people (``people.py``) and the missing-and-found registers (``missing.py``)
both draw from it, commonest names first.

Odia spellings not written out below are carried over from the Devanagari
letter by letter (the two scripts' Unicode blocks run in parallel).
"""

import unicodedata

# (Latin, Devanagari, Bengali); the Odia column is added below.
FEMALE = [
    ("Pooja", "पूजा", "পূজা"), ("Priya", "प्रिया", "প্রিয়া"), ("Sunita", "सुनीता", "সুনীতা"),
    ("Anjali", "अंजली", "অঞ্জলি"), ("Rekha", "रेखा", "রেখা"), ("Kavita", "कविता", "কবিতা"),
    ("Lakshmi", "लक्ष्मी", "লক্ষ্মী"), ("Sita", "सीता", "সীতা"), ("Reshma", "रेशमा", "রেশমা"),
    ("Shabnam", "शबनम", "শবনম"), ("Mousumi", "मौसुमी", "মৌসুমী"), ("Rupali", "रूपाली", "রূপালী"),
    ("Jharna", "झरना", "ঝর্ণা"), ("Mamata", "ममता", "মমতা"), ("Sabita", "सबिता", "সবিতা"),
    ("Geeta", "गीता", "গীতা"), ("Nasreen", "नसरीन", "নাসরিন"), ("Bimla", "बिमला", "বিমলা"),
    ("Chandni", "चांदनी", "চাঁদনী"), ("Tulsi", "तुलसी", "তুলসী"), ("Rina", "रीना", "রিনা"),
    ("Mina", "मीना", "মিনা"), ("Puja", "पुजा", "পুজা"), ("Sonali", "सोनाली", "সোনালী"),
    ("Parbati", "पार्वती", "পার্বতী"), ("Jyoti", "ज्योति", "জ্যোতি"), ("Asha", "आशा", "আশা"),
    ("Nirmala", "निर्मला", "নির্মলা"), ("Salma", "सलमा", "সালমা"), ("Rubina", "रुबीना", "রুবিনা"),
    ("Farzana", "फ़रज़ाना", "ফারজানা"), ("Sahana", "सहाना", "সাহানা"), ("Tania", "तानिया", "তানিয়া"),
    ("Moumita", "मौमिता", "মৌমিতা"), ("Payel", "पायेल", "পায়েল"), ("Sumitra", "सुमित्रा", "সুমিত্রা"),
    ("Kalpana", "कल्पना", "কল্পনা"), ("Basanti", "बसंती", "বাসন্তী"), ("Phulmani", "फुलमनी", "ফুলমনি"),
    ("Sushila", "सुशीला", "সুশীলা"), ("Manju", "मंजू", "মঞ্জু"), ("Anita", "अनीता", "অনিতা"),
    ("Radha", "राधा", "রাধা"), ("Durga", "दुर्गा", "দুর্গা"), ("Shanti", "शांति", "শান্তি"),
    ("Champa", "चंपा", "চম্পা"), ("Babita", "बबीता", "ববিতা"), ("Sarita", "सरिता", "সরিতা"),
    ("Mithu", "मिठू", "মিঠু"), ("Ruksana", "रुखसाना", "রুকসানা"), ("Jasmine", "जैस्मिन", "জেসমিন"),
    ("Arati", "आरती", "আরতি"), ("Dipali", "दीपाली", "দীপালি"), ("Namita", "नमिता", "নমিতা"),
    ("Sapna", "सपना", "স্বপ্না"), ("Khushi", "ख़ुशी", "খুশি"), ("Soni", "सोनी", "সোনি"),
    ("Dolly", "डॉली", "ডলি"), ("Mampi", "मम्पी", "মাম্পি"), ("Rinki", "रिंकी", "রিঙ্কি"),
]  # fmt: skip
MALE = [
    ("Rahul", "राहुल", "রাহুল"), ("Amit", "अमित", "অমিত"), ("Suresh", "सुरेश", "সুরেশ"),
    ("Ramesh", "रमेश", "রমেশ"), ("Mohammad Rafiq", "मोहम्मद रफ़ीक", "মোহাম্মদ রফিক"),
    ("Bikash", "बिकाश", "বিকাশ"), ("Sanjay", "संजय", "সঞ্জয়"), ("Dilip", "दिलीप", "দিলীপ"),
    ("Manoj", "मनोज", "মনোজ"), ("Abdul", "अब्दुल", "আব্দুল"), ("Gopal", "गोपाल", "গোপাল"),
    ("Prakash", "प्रकाश", "প্রকাশ"), ("Raju", "राजू", "রাজু"), ("Sukumar", "सुकुमार", "সুকুমার"),
    ("Birsa", "बिरसा", "বিরসা"), ("Arjun", "अर्जुन", "অর্জুন"), ("Sunil", "सुनील", "সুনীল"),
    ("Anil", "अनिल", "অনিল"), ("Vijay", "विजय", "বিজয়"), ("Ravi", "रवि", "রবি"),
    ("Santosh", "संतोष", "সন্তোষ"), ("Mahesh", "महेश", "মহেশ"), ("Ganesh", "गणेश", "গণেশ"),
    ("Shankar", "शंकर", "শংকর"), ("Tapan", "तपन", "তপন"), ("Subhash", "सुभाष", "সুভাষ"),
    ("Biswajit", "बिस्वजीत", "বিশ্বজিৎ"), ("Sujit", "सुजीत", "সুজিত"), ("Kartik", "कार्तिक", "কার্তিক"),
    ("Imran", "इमरान", "ইমরান"), ("Salim", "सलीम", "সেলিম"), ("Jahangir", "जहांगीर", "জাহাঙ্গীর"),
    ("Mohammad Sahil", "मोहम्मद साहिल", "মোহাম্মদ সাহিল"), ("Rakesh", "राकेश", "রাকেশ"),
    ("Mukesh", "मुकेश", "মুকেশ"), ("Deepak", "दीपक", "দীপক"), ("Pankaj", "पंकज", "পঙ্কজ"),
    ("Bablu", "बबलू", "বাবলু"), ("Pintu", "पिंटू", "পিন্টু"), ("Sonu", "सोनू", "সোনু"),
    ("Shyam", "श्याम", "শ্যাম"), ("Lakhan", "लखन", "লখন"), ("Budhu", "बुधु", "বুধু"),
    ("Somra", "सोमरा", "সোমরা"), ("Mangal", "मंगल", "মঙ্গল"), ("Ajay", "अजय", "অজয়"),
    ("Nitish", "नीतीश", "নীতিশ"), ("Kishore", "किशोर", "কিশোর"), ("Uttam", "उत्तम", "উত্তম"),
    ("Haripada", "हरिपद", "হরিপদ"),
]  # fmt: skip
SURNAMES = [
    ("Das", "दास", "দাস"), ("Mondal", "मंडल", "মণ্ডল"), ("Sheikh", "शेख", "শেখ"),
    ("Roy", "रॉय", "রায়"), ("Sarkar", "सरकार", "সরকার"), ("Biswas", "बिस्वास", "বিশ্বাস"),
    ("Ghosh", "घोष", "ঘোষ"), ("Bibi", "बीबी", "বিবি"), ("Munda", "मुंडा", "মুন্ডা"),
    ("Oraon", "उरांव", "ওরাওঁ"), ("Soren", "सोरेन", "সরেন"), ("Hembram", "हेम्ब्रम", "হেমব্রম"),
    ("Mahato", "महतो", "মাহাতো"), ("Yadav", "यादव", "যাদব"), ("Paswan", "पासवान", "পাসোয়ান"),
    ("Manjhi", "मांझी", "মাঝি"), ("Ansari", "अंसारी", "আনসারী"), ("Khan", "ख़ान", "খান"),
    ("Sahu", "साहू", "সাহু"), ("Nayak", "नायक", "নায়েক"), ("Barman", "बर्मन", "বর্মন"),
    ("Haldar", "हालदार", "হালদার"), ("Bag", "बाग", "বাগ"), ("Kisku", "किस्कू", "কিস্কু"),
    ("Tudu", "टुडू", "টুডু"), ("Lohar", "लोहार", "লোহার"), ("Pradhan", "प्रधान", "প্রধান"),
    ("Singh", "सिंह", "সিং"), ("Kumar", "कुमार", "কুমার"), ("Sharma", "शर्मा", "শর্মা"),
]  # fmt: skip

# More surnames of the source states, used by the wide vocabulary.
MORE_SURNAMES = [
    ("Pal", "पाल", "পাল"), ("Saha", "साहा", "সাহা"), ("Dey", "डे", "দে"), ("Bose", "बोस", "বসু"),
    ("Mallick", "मल्लिक", "মল্লিক"), ("Mandi", "मांडी", "মান্ডি"), ("Murmu", "मुर्मू", "মুর্মু"),
    ("Besra", "बेसरा", "বেসরা"), ("Marandi", "मरांडी", "মারান্ডি"), ("Hansda", "हांसदा", "হাঁসদা"),
    ("Tirkey", "तिर्की", "তির্কি"), ("Ekka", "एक्का", "এক্কা"), ("Lakra", "लकड़ा", "লাকড়া"),
    ("Kujur", "कुजूर", "কুজুর"), ("Minz", "मिंज", "মিঞ্জ"), ("Toppo", "टोप्पो", "টোপ্পো"),
    ("Kerketta", "केरकेट्टा", "কেরকেট্টা"), ("Rai", "राय", "রাই"), ("Gupta", "गुप्ता", "গুপ্ত"),
    ("Prasad", "प्रसाद", "প্রসাদ"), ("Mishra", "मिश्रा", "মিশ্র"), ("Jha", "झा", "ঝা"),
    ("Thakur", "ठाकुर", "ঠাকুর"), ("Molla", "मोल्ला", "মোল্লা"), ("Laskar", "लस्कर", "লস্কর"),
    ("Naskar", "नस्कर", "নস্কর"), ("Bhuiya", "भुइयां", "ভূঁইয়া"), ("Behera", "बेहेरा", "বেহেরা"),
    ("Majhi", "माझी", "মাঝি"), ("Rajbanshi", "राजबंशी", "রাজবংশী"),
]  # fmt: skip

# Names of particular states or of the generic kind (Kumari, Devi, Khatun…).
OTHER_SURNAMES = [
    ("Khatun", "खातून", "খাতুন"), ("Kumari", "कुमारी", "কুমারী"), ("Devi", "देवी", "দেবী"),
    ("Begum", "बेगम", "বেগম"), ("Verma", "वर्मा", "বর্মা"), ("Saini", "सैनी", "সৈনী"),
    ("Jangra", "जांगड़ा", "জাংড়া"), ("Pawar", "पवार", "পাওয়ার"), ("Jadhav", "जाधव", "যাদব"),
    ("Shaikh", "शेख़", "শেখ"), ("Bora", "बोरा", "বরা"), ("Kalita", "कलिता", "কলিতা"),
    ("Mahato", "महतो", "মাহাতো"), ("Kumar", "कुमार", "কুমার"),
]  # fmt: skip

# Odia as written (where the letter-by-letter carry-over reads wrong).
ODIA = {
    "Pooja": "ପୂଜା",
    "Priya": "ପ୍ରିୟା",
    "Sunita": "ସୁନୀତା",
    "Anjali": "ଅଞ୍ଜଳି",
    "Rekha": "ରେଖା",
    "Kavita": "କବିତା",
    "Sita": "ସୀତା",
    "Reshma": "ରେଶମା",
    "Shabnam": "ଶବନମ",
    "Mousumi": "ମୌସୁମୀ",
    "Rupali": "ରୂପାଲୀ",
    "Jharna": "ଝରଣା",
    "Mamata": "ମମତା",
    "Sabita": "ସବିତା",
    "Geeta": "ଗୀତା",
    "Nasreen": "ନସରୀନ",
    "Bimla": "ବିମଳା",
    "Chandni": "ଚାନ୍ଦନୀ",
    "Tulsi": "ତୁଳସୀ",
    "Rahul": "ରାହୁଲ",
    "Amit": "ଅମିତ",
    "Suresh": "ସୁରେଶ",
    "Ramesh": "ରମେଶ",
    "Mohammad Rafiq": "ମହମ୍ମଦ ରଫିକ",
    "Bikash": "ବିକାଶ",
    "Sanjay": "ସଞ୍ଜୟ",
    "Dilip": "ଦିଲୀପ",
    "Manoj": "ମନୋଜ",
    "Abdul": "ଅବଦୁଲ",
    "Gopal": "ଗୋପାଳ",
    "Prakash": "ପ୍ରକାଶ",
    "Raju": "ରାଜୁ",
    "Sukumar": "ସୁକୁମାର",
    "Birsa": "ବିରସା",
    "Das": "ଦାସ",
    "Mondal": "ମଣ୍ଡଳ",
    "Khatun": "ଖାତୁନ",
    "Sheikh": "ଶେଖ",
    "Roy": "ରାୟ",
    "Biswas": "ବିଶ୍ୱାସ",
    "Oraon": "ଓରାଓଁ",
    "Munda": "ମୁଣ୍ଡା",
    "Kumari": "କୁମାରୀ",
    "Behera": "ବେହେରା",
    "Sahu": "ସାହୁ",
    "Majhi": "ମାଝି",
    "Bora": "ବୋରା",
    "Begum": "ବେଗମ",
    "Kalita": "କଳିତା",
    "Yadav": "ଯାଦବ",
    "Devi": "ଦେବୀ",
    "Verma": "ବର୍ମା",
    "Ansari": "ଅନସାରୀ",
    "Sharma": "ଶର୍ମା",
    "Kumar": "କୁମାର",
    "Khan": "ଖାନ",
    "Saini": "ସୈନୀ",
    "Jangra": "ଜାଙ୍ଗଡା",
    "Pawar": "ପାୱାର",
    "Jadhav": "ଯାଧବ",
    "Shaikh": "ଶେଖ",
    "Lakshmi": "ଲକ୍ଷ୍ମୀ",
    "Mahato": "ମାହାତୋ",
    "Nayak": "ନାୟକ",
}
# Devanagari signs with no Odia letter at the same place.
_NO_ODIA = {"\u0949": "\u0b4b", "\u0945": "\u0b47", "\u0972": "\u0b05"}


def _odia(devanagari):
    out = []
    for ch in unicodedata.normalize("NFD", devanagari):
        if "\u0900" <= ch <= "\u097f":
            ch = _NO_ODIA.get(ch) or chr(ord(ch) + 0x200)
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def _with_odia(names):
    return [(latin, deva, beng, ODIA.get(latin) or _odia(deva)) for latin, deva, beng in names]


FEMALE = _with_odia(FEMALE)
MALE = _with_odia(MALE)
SURNAMES = _with_odia(SURNAMES)
MORE_SURNAMES = _with_odia(MORE_SURNAMES)
OTHER_SURNAMES = _with_odia(
    [n for n in OTHER_SURNAMES if n[0] not in {s[0] for s in SURNAMES + MORE_SURNAMES}]
)
_BY_LATIN = {n[0]: n for n in SURNAMES + MORE_SURNAMES + OTHER_SURNAMES}


def surnames(*latin):
    """The vocabulary's entries for these surnames (KeyError if one is not in it)."""
    return [_BY_LATIN[name] for name in latin]
