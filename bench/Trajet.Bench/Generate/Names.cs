namespace Trajet.Bench.Generate;

/// <summary>
/// Names of the people ATD programmes meet, by origin. Each entry is a group of spellings of one
/// name (Mohammed, Muhammad, Mohamed…): the population uses them all, and the planted searches
/// look a person up under another spelling of the same group.
/// </summary>
public sealed record Origin(string Nationality, string[] Languages, int Weight, string[][] Male, string[][] Female, string[][] Surnames);

public static class Names
{
    public static readonly Origin[] Origins =
    [
        new("SY", ["ar"], 10,
            [["Mohammed", "Muhammad", "Mohamed", "Mohamad", "Muhammed"], ["Ahmed", "Ahmad", "Achmed"], ["Youssef", "Yusuf", "Yousef", "Jusuf"], ["Omar", "Umar"],
             ["Khaled", "Khalid", "Chaled"], ["Hussein", "Husayn", "Hussain", "Hossein"], ["Abdullah", "Abdallah", "Abdulla"], ["Mustafa", "Moustafa", "Mostafa"],
             ["Ibrahim", "Ebrahim", "Ibraheem"], ["Said", "Saeed", "Sayed"], ["Karim", "Kareem", "Carim"], ["Bashar"], ["Tarek", "Tariq", "Tarik"], ["Samir", "Sameer"]],
            [["Fatima", "Fatma", "Fatimah", "Fatema"], ["Aisha", "Aicha", "Ayesha", "Aischa"], ["Mariam", "Maryam", "Meryem"], ["Noor", "Nour", "Nur"], ["Rania"],
             ["Amina", "Aminah", "Emina"], ["Layla", "Leila", "Laila"], ["Zeinab", "Zainab", "Zaynab"], ["Hiba", "Heba"], ["Salma", "Selma"]],
            [["Al-Hassan", "Alhassan", "El Hassan"], ["Haddad", "Hadad"], ["Mansour", "Mansur", "Mansoor"], ["Nasser", "Nasir", "Naser"], ["Khalil", "Chalil"],
             ["Hamdan"], ["Suleiman", "Sulaiman", "Souleimane"], ["Othman", "Osman", "Uthman"], ["Darwish", "Darwich", "Derwisch"], ["Aziz"], ["Qassem", "Kassem", "Kasem"],
             ["Shami", "Chami"], ["Zein", "Zain"], ["Habib"], ["Jaber", "Djaber", "Gaber"], ["Sabbagh", "Sabagh"], ["Asaad", "Assad", "Asad"], ["Hijazi", "Hidjazi"]]),
        new("AF", ["fa", "ps"], 10,
            [["Mohammad", "Muhammad", "Mohamad"], ["Ali"], ["Reza", "Resa"], ["Hamid", "Hameed"], ["Jawad", "Javad", "Djawad"], ["Nasir", "Naseer", "Nasser"],
             ["Farid", "Fareed"], ["Rahim", "Raheem"], ["Sohail", "Suhail", "Souhail"], ["Wahid", "Waheed"], ["Zabihullah", "Sabihullah"], ["Ahmad Shah"]],
            [["Zahra", "Zehra", "Sahra"], ["Fatima", "Fatema"], ["Maryam", "Mariam"], ["Masooma", "Masuma", "Massouma"], ["Farzana"], ["Nazanin"], ["Shabnam"], ["Parwana", "Parvana"]],
            [["Hosseini", "Husseini", "Hossaini"], ["Ahmadi", "Achmadi"], ["Mohammadi", "Mohamadi", "Muhammadi"], ["Rahimi", "Raheemi"], ["Karimi", "Kareemi"],
             ["Rezaei", "Rezai"], ["Noori", "Nuri", "Nouri"], ["Sultani", "Soltani"], ["Popal"], ["Wardak"], ["Stanikzai", "Stanekzai"], ["Haidari", "Heidari", "Haydari"],
             ["Sharifi", "Charifi"], ["Jafari", "Djafari", "Ja'fari"], ["Safi"], ["Amiri"]]),
        new("ER", ["ti"], 7,
            [["Yohannes", "Johannes", "Yohanes"], ["Tesfaye", "Tesfay"], ["Mehari", "Mihari"], ["Haile", "Hayle"], ["Berhane", "Berhan"], ["Dawit", "Dawid"],
             ["Goitom", "Goytom"], ["Samuel"], ["Filmon", "Philmon"], ["Kidane"]],
            [["Selam", "Salam"], ["Helen", "Hellen"], ["Senait", "Senayt"], ["Mebrat", "Mebrate"], ["Freweyni", "Frewoini"], ["Yordanos", "Jordanos"], ["Saba"], ["Luwam"]],
            [["Tekle", "Teklay"], ["Gebremedhin", "Gebremedin"], ["Haile", "Hayle"], ["Tesfamariam", "Tesfamaryam"], ["Ghebreyesus", "Gebreyesus"], ["Woldu", "Wóldu"],
             ["Kahsay", "Kasay"], ["Berhe"], ["Negash", "Negasch"], ["Abraha"], ["Habte"], ["Mesfin"], ["Tsegay", "Tsegai"]]),
        new("GN", ["fr", "ff"], 8,
            [["Mamadou", "Mamadu", "Mamoudou"], ["Ousmane", "Usman", "Osman"], ["Ibrahima", "Ibraïma"], ["Alpha"], ["Abdoulaye", "Abdulaye", "Abdoulay"],
             ["Souleymane", "Suleiman", "Soulemane"], ["Moussa", "Musa", "Mousa"], ["Thierno", "Tierno"], ["Sekou", "Sékou"], ["Boubacar", "Bubakar", "Aboubacar"]],
            [["Aminata"], ["Fatoumata", "Fatumata", "Fatoumatta"], ["Mariama", "Mariamma"], ["Kadiatou", "Kadiatu", "Hadiatou"], ["Aissatou", "Aïssatou", "Aisatu"],
             ["Hawa", "Awa"], ["Binta"], ["Djenabou", "Jenabu", "Dienabou"]],
            [["Diallo", "Jallo", "Djallo"], ["Barry", "Bari"], ["Bah", "Ba"], ["Sow", "Sou"], ["Camara", "Kamara"], ["Condé", "Conde", "Konde"], ["Traoré", "Traore", "Traouré"],
             ["Keita", "Keïta", "Keyta"], ["Touré", "Toure", "Ture"], ["Sylla", "Sila"], ["N'Diaye", "Ndiaye", "Njie"], ["Baldé", "Balde"], ["Koné", "Kone"], ["Cissé", "Cisse", "Sisse"]]),
        new("UA", ["uk", "ru"], 7,
            [["Oleksandr", "Alexander", "Aleksandr", "Oleksander"], ["Serhiy", "Sergei", "Sergey", "Serhii"], ["Andriy", "Andrei", "Andrey"], ["Dmytro", "Dmitri", "Dmitry"],
             ["Mykola", "Nikolai", "Nikolay"], ["Volodymyr", "Vladimir", "Wolodymyr"], ["Yuriy", "Yuri", "Jurij"], ["Oleh", "Oleg"]],
            [["Olena", "Elena", "Yelena", "Jelena"], ["Tetiana", "Tatiana", "Tatyana", "Tatjana"], ["Iryna", "Irina"], ["Nataliya", "Natalia", "Natalya"], ["Yuliya", "Yulia", "Julia"],
             ["Oksana"], ["Svitlana", "Svetlana", "Swetlana"], ["Kateryna", "Ekaterina", "Katerina"]],
            [["Shevchenko", "Schewtschenko", "Chevtchenko"], ["Kovalenko", "Kowalenko"], ["Bondarenko"], ["Tkachenko", "Tkatschenko"], ["Kravchenko", "Krawtschenko"],
             ["Melnyk", "Melnik"], ["Boyko", "Boiko", "Bojko"], ["Kovalchuk", "Kowaltschuk"], ["Oliynyk", "Oleinik"], ["Shevchuk", "Schewtschuk"], ["Polishchuk", "Polischuk"],
             ["Lysenko", "Lissenko"], ["Marchenko", "Martschenko"], ["Savchenko", "Sawtschenko"]]),
        new("AM", ["hy", "ru"], 4,
            [["Armen"], ["Gevorg", "Gevork", "Kevork"], ["Hakob", "Akop", "Hagop"], ["Tigran", "Dikran"], ["Aram"], ["Vardan", "Wardan"], ["Hovhannes", "Ovanes", "Hovannes"]],
            [["Anahit", "Anahid"], ["Lusine", "Lusineh"], ["Gayane", "Gayaneh", "Kayane"], ["Nare", "Nareh"], ["Mariam", "Mariyam"], ["Siranush", "Siranouche"]],
            [["Petrosyan", "Petrossian", "Petrosian"], ["Grigoryan", "Grigorian"], ["Harutyunyan", "Haroutiounian", "Arutyunyan"], ["Sargsyan", "Sarkissian", "Sargsian"],
             ["Hovhannisyan", "Ohanessian", "Hovhanisyan"], ["Khachatryan", "Khachatrian", "Chatchatrian"], ["Vardanyan", "Vartanian"], ["Avetisyan", "Avedissian"],
             ["Mkrtchyan", "Mkrtchian"], ["Hakobyan", "Akopian", "Hagopian"]]),
        new("MA", ["ar", "fr"], 6,
            [["Mohamed", "Mohammed", "Mehmed"], ["Youssef", "Youcef", "Yusef"], ["Rachid", "Rashid", "Rachide"], ["Hicham", "Hisham"], ["Abdelkader", "Abdulkader", "Abdelqader"],
             ["Mehdi", "Mahdi"], ["Nabil"], ["Hassan", "Hasan"], ["Driss", "Idriss", "Idris"], ["Khalid", "Khaled"]],
            [["Khadija", "Khadidja", "Hadija"], ["Fatima-Zahra", "Fatimazahra"], ["Naima", "Naïma"], ["Souad", "Suad"], ["Samira", "Sameera"], ["Houda", "Huda"], ["Imane", "Iman"]],
            [["El Amrani", "Elamrani", "Amrani"], ["Benali", "Ben Ali"], ["Bouzid", "Bouzide"], ["El Idrissi", "Idrissi"], ["Chaoui", "Shawi"], ["Tazi"], ["Alaoui", "Alawi"],
             ["Bennani", "Benani"], ["Ouazzani", "Wazzani"], ["Berrada"], ["El Fassi", "Fassi"], ["Ziani", "Zayani"], ["Lahlou"], ["Benjelloun", "Benjeloun"]]),
        new("TR", ["tr", "ku"], 4,
            [["Mehmet", "Mehmed"], ["Mustafa"], ["Yusuf", "Jusuf"], ["Hüseyin", "Huseyin", "Hussein"], ["Emre"], ["Murat", "Murad"], ["Ahmet", "Ahmed"], ["Osman"]],
            [["Ayşe", "Ayse", "Aische"], ["Fatma", "Fatima"], ["Zeynep", "Zeinep"], ["Emine", "Emina"], ["Elif"], ["Hatice", "Hatidje", "Hadice"]],
            [["Yılmaz", "Yilmaz", "Jilmaz"], ["Kaya"], ["Demir"], ["Şahin", "Sahin", "Schahin"], ["Çelik", "Celik", "Tschelik"], ["Öztürk", "Ozturk", "Oeztuerk"],
             ["Aydın", "Aydin"], ["Arslan", "Aslan"], ["Doğan", "Dogan"], ["Kılıç", "Kilic", "Kilitsch"]]),
        new("CD", ["fr", "ln"], 6,
            [["Jean-Pierre", "Jean Pierre"], ["Patrick"], ["Christian"], ["Emmanuel", "Emanuel"], ["Joseph", "Josef"], ["Olivier"], ["Héritier", "Heritier"], ["Junior"]],
            [["Grâce", "Grace"], ["Esther"], ["Marie-Claire", "Marie Claire"], ["Nadine"], ["Chantal"], ["Divine"], ["Rachel", "Rachelle"]],
            [["Kabila"], ["Mukendi", "Moukendi"], ["Tshibangu", "Tchibangu", "Shibangu"], ["Kasongo", "Kassongo"], ["Ilunga", "Iloonga"], ["Mbuyi", "Mbouyi"],
             ["Lumumba", "Loumoumba"], ["Kalala"], ["Ngoy", "Ngoyi"], ["Mutombo", "Moutombo"], ["Nkulu", "Nkoulou"], ["Kabongo", "Kabungu"], ["Tshisekedi", "Tchisekedi"]]),
        new("RU", ["ru", "ce"], 4,
            [["Magomed", "Mahomed", "Magomet"], ["Ruslan"], ["Islam"], ["Adam"], ["Ramzan", "Ramsan"], ["Zelimkhan", "Selimchan"], ["Aslan", "Arslan"]],
            [["Zarema"], ["Khava", "Hava", "Chawa"], ["Madina", "Medina"], ["Aminat", "Aminata"], ["Kheda", "Heda"], ["Luiza", "Louisa"]],
            [["Kadyrov", "Kadirov", "Qadyrov"], ["Dudayev", "Dudaev", "Doudaev"], ["Umarov", "Oumarov"], ["Magomedov", "Mahomedov"], ["Basayev", "Basaev"],
             ["Yandarbiyev", "Jandarbijew", "Yandarbiev"], ["Aliyev", "Aliev", "Alijew"], ["Musayev", "Musaev", "Moussaev"], ["Khasanov", "Hasanov", "Chassanow"]]),
        new("SO", ["so"], 5,
            [["Abdirahman", "Abdurahman", "Abdiraxmaan"], ["Mohamed", "Maxamed", "Mahamed"], ["Abdi"], ["Hassan", "Xasan"], ["Ahmed", "Axmed"], ["Omar", "Cumar"]],
            [["Hodan", "Xodan"], ["Faduma", "Fadumo", "Fatuma"], ["Asha", "Aasha"], ["Hawo", "Xaawo"], ["Ifrah"], ["Sahra", "Saxra"]],
            [["Warsame", "Warsama"], ["Farah", "Faarax"], ["Hussein", "Xuseen"], ["Yusuf", "Yuusuf"], ["Jama", "Jaamac"], ["Osman", "Cusmaan"], ["Abdullahi", "Cabdullaahi"],
             ["Mohamud", "Maxamuud", "Mahmoud"], ["Ali", "Cali"], ["Nur", "Nuur"]]),
        new("AL", ["sq"], 3,
            [["Arben"], ["Besnik"], ["Ilir"], ["Gentian"], ["Kristian", "Christian"], ["Fatmir"]],
            [["Elira"], ["Anila"], ["Blerta"], ["Jonida"], ["Klodiana", "Clodiana"]],
            [["Hoxha", "Hodja", "Hodscha"], ["Shehu", "Sehu", "Cheu"], ["Gashi", "Gaši"], ["Krasniqi", "Krasniki"], ["Berisha", "Berischa"], ["Dervishi", "Derwischi"]]),
        new("BR", ["pt"], 3,
            [["João", "Joao"], ["José", "Jose"], ["Luiz", "Luis"], ["Rafael", "Raphael"], ["Thiago", "Tiago"]],
            [["Ana"], ["Juliana"], ["Mariana"], ["Thaís", "Tais"], ["Luciana"]],
            [["Da Silva", "Silva"], ["Santos"], ["Oliveira", "Olivera"], ["Souza", "Sousa"], ["Pereira"], ["Ferreira"], ["Rodrigues", "Rodriguez"]]),
    ];

    public static readonly string[] Places =
    [
        "Gare du Nord", "Parc Maximilien", "Gare du Midi", "Porte de Hal", "Place Liedts", "Hub humanitaire", "Squat rue Royale", "Station Botanique",
        "Centraal Station", "Zuidpark", "Dampoort", "Place de la Chapelle", "Porte de la Villette", "Gare de l'Est", "Canal Saint-Martin",
    ];

    public static readonly string[] Cities = ["Bruxelles", "Anvers", "Gand", "Liège", "Charleroi", "Namur", "Mons", "Louvain", "Bruges", "Hasselt"];

    public static readonly string[] Lawyers = ["Me Dubois", "Me Peeters", "Me Janssens", "Me Lambert", "Me Claes", "Me Martin", "Me De Smet", "Me Willems", "Me Mertens"];
}
