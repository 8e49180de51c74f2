"""Hand-written multilingual demo records for the Arab Red Crescent and Red Cross network."""

from __future__ import annotations

from typing import TypeVar

from hub.demo.records import (
    CampaignSeed,
    CategorySeed,
    DemoContent,
    EventSeed,
    EventTexts,
    NewsSeed,
    NewsTexts,
    OpportunitySeed,
    OpportunityTexts,
    OrganizationSeed,
    SkillSeed,
    VolunteerSeed,
)

_Owned = TypeVar("_Owned", OpportunitySeed, EventSeed, NewsSeed)

# Dates are day offsets from the seeding day; the texts assume it falls in early November
# (winter campaigns starting, autumn floods, International Volunteer Day on 5 December).

CATEGORIES: tuple[CategorySeed, ...] = (
    CategorySeed("FIRST_AID", {
        "ar": "الإسعافات الأولية", "en": "First aid", "fr": "Premiers secours",
    }),
    CategorySeed("DISASTER_RESPONSE", {
        "ar": "الاستجابة للكوارث والطوارئ",
        "en": "Disaster and emergency response",
        "fr": "Réponse aux catastrophes et aux urgences",
    }),
    CategorySeed("BLOOD_DONATION", {
        "ar": "التبرع بالدم", "en": "Blood donation", "fr": "Don de sang",
    }),
    CategorySeed("HEALTH_AWARENESS", {
        "ar": "التوعية الصحية", "en": "Health awareness", "fr": "Sensibilisation à la santé",
    }),
    CategorySeed("EDUCATION", {
        "ar": "التعليم والدعم المدرسي",
        "en": "Education and tutoring",
        "fr": "Éducation et soutien scolaire",
    }),
    CategorySeed("ENVIRONMENT", {
        "ar": "البيئة والتشجير", "en": "Environment", "fr": "Environnement",
    }),
    CategorySeed("ELDERLY_CARE", {
        "ar": "رعاية المسنين",
        "en": "Care for older people",
        "fr": "Accompagnement des personnes âgées",
    }),
    CategorySeed("REFUGEE_SUPPORT", {
        "ar": "دعم اللاجئين والمهاجرين",
        "en": "Refugee and migrant support",
        "fr": "Soutien aux réfugiés et aux migrants",
    }),
    CategorySeed("PSYCHOSOCIAL", {
        "ar": "الدعم النفسي الاجتماعي",
        "en": "Psychosocial support",
        "fr": "Soutien psychosocial",
    }),
    CategorySeed("LOGISTICS", {
        "ar": "الإمداد والخدمات اللوجستية", "en": "Logistics", "fr": "Logistique",
    }),
    CategorySeed("RELIEF_DISTRIBUTION", {
        "ar": "توزيع المساعدات الإغاثية",
        "en": "Relief distribution",
        "fr": "Distribution de l’aide",
    }),
    CategorySeed("COMMUNITY_EVENTS", {
        "ar": "الفعاليات المجتمعية",
        "en": "Community events",
        "fr": "Événements solidaires",
    }),
    CategorySeed("DIGITAL", {
        "ar": "التطوع الرقمي عن بعد",
        "en": "Digital volunteering (remote)",
        "fr": "Bénévolat numérique à distance",
    }),
)

SKILLS: tuple[SkillSeed, ...] = (
    SkillSeed("FIRST_AID_CERTIFIED", {
        "ar": "شهادة في الإسعافات الأولية",
        "en": "First aid certificate",
        "fr": "Certificat de premiers secours",
    }),
    SkillSeed("TRANSLATION_AR_EN", {
        "ar": "الترجمة (عربي – إنجليزي)",
        "en": "Translation (Arabic–English)",
        "fr": "Traduction (arabe–anglais)",
    }),
    SkillSeed("TRANSLATION_AR_FR", {
        "ar": "الترجمة (عربي – فرنسي)",
        "en": "Translation (Arabic–French)",
        "fr": "Traduction (arabe–français)",
    }),
    SkillSeed("GRAPHIC_DESIGN", {
        "ar": "التصميم الجرافيكي", "en": "Graphic design", "fr": "Graphisme",
    }),
    SkillSeed("VIDEO_EDITING", {
        "ar": "المونتاج وتحرير الفيديو", "en": "Video editing", "fr": "Montage vidéo",
    }),
    SkillSeed("SOCIAL_MEDIA", {
        "ar": "إدارة مواقع التواصل الاجتماعي",
        "en": "Social media management",
        "fr": "Animation des réseaux sociaux",
    }),
    SkillSeed("DRIVING", {
        "ar": "السياقة (رخصة سارية)",
        "en": "Driving (valid licence)",
        "fr": "Conduite (permis valide)",
    }),
    SkillSeed("LOGISTICS", {
        "ar": "تسيير المخازن والإمداد",
        "en": "Warehouse and supply management",
        "fr": "Gestion de stocks et approvisionnement",
    }),
    SkillSeed("PSYCHOSOCIAL_SUPPORT", {
        "ar": "الدعم النفسي الاجتماعي",
        "en": "Psychosocial support",
        "fr": "Soutien psychosocial",
    }),
    SkillSeed("TEACHING", {
        "ar": "التدريس والتأطير", "en": "Teaching and tutoring", "fr": "Enseignement",
    }),
    SkillSeed("NURSING", {
        "ar": "التمريض", "en": "Nursing", "fr": "Soins infirmiers",
    }),
    SkillSeed("DATA_ENTRY", {
        "ar": "إدخال البيانات", "en": "Data entry", "fr": "Saisie de données",
    }),
    SkillSeed("PHOTOGRAPHY", {
        "ar": "التصوير الفوتوغرافي", "en": "Photography", "fr": "Photographie",
    }),
    SkillSeed("EVENT_ORGANIZING", {
        "ar": "تنظيم الفعاليات",
        "en": "Event organising",
        "fr": "Organisation d’événements",
    }),
    SkillSeed("SIGN_LANGUAGE", {
        "ar": "لغة الإشارة", "en": "Sign language", "fr": "Langue des signes",
    }),
    SkillSeed("COOKING", {
        "ar": "الطبخ وإعداد الوجبات",
        "en": "Cooking and meal preparation",
        "fr": "Cuisine et préparation des repas",
    }),
    SkillSeed("WATER_RESCUE", {
        "ar": "الإنقاذ المائي", "en": "Water rescue", "fr": "Sauvetage aquatique",
    }),
)

ORGANIZATIONS: tuple[OrganizationSeed, ...] = (
    OrganizationSeed("arco-training-center", "arco",
                     "مركز الاستشارات والتدريب والتطوع", "TRAINING_CENTER", "Riyadh"),
    OrganizationSeed("dz-oran-branch", "dz-crescent",
                     "فرع الهلال الأحمر الجزائري بوهران", "BRANCH", "Oran"),
    OrganizationSeed("dz-tizi-committee", "dz-crescent",
                     "اللجنة الولائية للهلال الأحمر الجزائري بتيزي وزو", "BRANCH", "Tizi Ouzou"),
    OrganizationSeed("dz-chlef-apc", "dz-crescent", "بلدية الشلف", "MUNICIPALITY", "Chlef"),
    OrganizationSeed("dz-chu-constantine", "dz-crescent",
                     "المركز الاستشفائي الجامعي الدكتور ابن باديس – قسنطينة", "HOSPITAL",
                     "Constantine"),
    OrganizationSeed("setif-univ-ferhat-abbas", "setif-youth",
                     "Université Ferhat Abbas Sétif 1", "UNIVERSITY", "Sétif"),
    OrganizationSeed("setif-cfpa-eulma", "setif-youth",
                     "مركز التكوين المهني والتمهين – العلمة", "TRAINING_CENTER", "El Eulma"),
    OrganizationSeed("setif-apc", "setif-youth", "بلدية سطيف", "MUNICIPALITY", "Sétif"),
    OrganizationSeed("setif-cem-8-mai", "setif-youth",
                     "متوسطة 8 ماي 1945 – سطيف", "SCHOOL", "Sétif"),
    OrganizationSeed("eg-alex-branch", "eg-crescent",
                     "فرع الهلال الأحمر المصري بالإسكندرية", "BRANCH", "Alexandria"),
    OrganizationSeed("eg-cairo-univ", "eg-crescent", "جامعة القاهرة", "UNIVERSITY", "Giza"),
    OrganizationSeed("sa-makkah-branch", "sa-crescent",
                     "هيئة الهلال الأحمر السعودي بمنطقة مكة المكرمة", "BRANCH", "Makkah"),
    OrganizationSeed("sa-dammam-school", "sa-crescent",
                     "الثانوية الأولى بالدمام", "SCHOOL", "Dammam"),
    OrganizationSeed("lb-usj", "lb-redcross",
                     "Université Saint-Joseph de Beyrouth", "UNIVERSITY", "Beirut"),
    OrganizationSeed("lb-tripoli-station", "lb-redcross",
                     "Croix-Rouge libanaise – Centre de secours de Tripoli", "BRANCH", "Tripoli"),
    OrganizationSeed("ma-fes-committee", "ma-crescent",
                     "الهلال الأحمر المغربي – اللجنة الإقليمية بفاس", "BRANCH", "Fès"),
    OrganizationSeed("ma-commune-amizmiz", "ma-crescent", "جماعة أمزميز", "MUNICIPALITY",
                     "Amizmiz"),
    OrganizationSeed("ma-crts-casablanca", "ma-crescent",
                     "Centre régional de transfusion sanguine de Casablanca", "HOSPITAL",
                     "Casablanca"),
    OrganizationSeed("tn-sfax-committee", "tn-crescent",
                     "الهيئة الجهوية للهلال الأحمر التونسي بصفاقس", "BRANCH", "Sfax"),
    OrganizationSeed("tn-sousse-hospital", "tn-crescent",
                     "المستشفى الجامعي فرحات حشاد بسوسة", "HOSPITAL", "Sousse"),
    OrganizationSeed("tn-bizerte-commune", "tn-crescent", "بلدية بنزرت", "MUNICIPALITY",
                     "Bizerte"),
)

CAMPAIGNS: tuple[CampaignSeed, ...] = (
    CampaignSeed("arco-volunteer-from-home", "arco", {
        "ar": "حملة «تطوّع من بيتك»",
        "en": "“Volunteer from Home” campaign",
        "fr": "Campagne « Bénévole depuis chez soi »",
    }, starts_day=-40, ends_day=80),
    CampaignSeed("dz-ramadan-baskets", "dz-crescent", {
        "ar": "حملة «قفة رمضان»",
        "fr": "Opération « Couffin du Ramadhan »",
        "en": "Ramadan food basket campaign",
    }, starts_day=75, ends_day=130),
    CampaignSeed("setif-volunteer-day", "setif-youth", {
        "ar": "اليوم العالمي للتطوع – 5 ديسمبر",
        "fr": "Journée internationale des volontaires – 5 décembre",
        "en": "International Volunteer Day – 5 December",
    }, starts_day=14, ends_day=40),
    CampaignSeed("eg-warm-winter", "eg-crescent", {
        "ar": "حملة «شتاء دافئ»",
        "en": "Warm Winter campaign",
        "fr": "Campagne « Hiver au chaud »",
    }, starts_day=-15, ends_day=90),
    CampaignSeed("lb-blood-saves", "lb-redcross", {
        "fr": "Campagne « Ton sang sauve des vies »",
        "ar": "حملة «دمك ينقذ حياة»",
    }, starts_day=-5, ends_day=45),
    CampaignSeed("ma-back-to-school", "ma-crescent", {
        "ar": "حملة الدخول المدرسي لأطفال المناطق المتضررة من الزلزال",
        "fr": "Rentrée scolaire des enfants des zones sinistrées",
        "en": "Back to school for children in earthquake-hit areas",
    }, starts_day=-50, ends_day=20),
    CampaignSeed("tn-winter-northwest", "tn-crescent", {
        "ar": "حملة «دفء الشتاء» بالشمال الغربي",
        "fr": "Campagne « Chaleur d’hiver » dans le Nord-Ouest",
    }, starts_day=10, ends_day=100),
)

# The Secretariat publishes mostly remote opportunities, open at any time.
_ARCO_OPPORTUNITIES: tuple[OpportunitySeed, ...] = (
    OpportunitySeed(
        key="arco-translate-field-reports",
        tenant="arco",
        format="REMOTE",
        category="DIGITAL",
        skills=("TRANSLATION_AR_EN",),
        texts={
            "ar": OpportunityTexts(
                title="ترجمة تقارير ميدانية من العربية إلى الإنجليزية",
                summary=(
                    "ساعد الأمانة العامة على إيصال تقارير الجمعيات الوطنية إلى الشركاء الدوليين "
                    "بترجمة دقيقة."
                ),
                description=(
                    "تتلقى الأمانة العامة كل شهر تقارير ميدانية من الجمعيات الوطنية عن عمليات "
                    "الإغاثة والاستجابة للطوارئ. نبحث عن متطوعين يجيدون العربية والإنجليزية "
                    "لترجمة هذه التقارير، وهي في الغالب بين صفحتين وخمس صفحات، مع التدقيق في "
                    "المصطلحات الإنسانية. تعمل في الوقت الذي يناسبك، ويتواصل معك مسؤول الفرصة "
                    "لتوزيع الوثائق ومراجعة الترجمات، وتحصل على شهادة بعد إكمال الفرصة التطوعية."
                ),
            ),
            "en": OpportunityTexts(
                title="Translate field reports from Arabic into English",
                summary=(
                    "Help the Secretariat share national societies' field reports with "
                    "international partners through accurate translation."
                ),
                description=(
                    "Every month the Secretariat receives field reports from national societies "
                    "on relief operations and emergency response. We are looking for volunteers "
                    "fluent in Arabic and English to translate them, usually two to five pages "
                    "each, and to check the humanitarian terminology. You work whenever suits "
                    "you; the opportunity manager assigns documents and reviews your drafts, and "
                    "you receive a certificate once the opportunity is completed."
                ),
            ),
            "fr": OpportunityTexts(
                title="Traduire des rapports de terrain de l’arabe vers l’anglais",
                summary=(
                    "Aidez le Secrétariat à transmettre les rapports des Sociétés nationales à "
                    "leurs partenaires internationaux."
                ),
                description=(
                    "Chaque mois, le Secrétariat reçoit des Sociétés nationales des rapports de "
                    "terrain sur les opérations de secours et la réponse aux urgences. Nous "
                    "cherchons des volontaires maîtrisant l’arabe et l’anglais pour les traduire "
                    "(de deux à cinq pages le plus souvent) et vérifier la terminologie "
                    "humanitaire. Vous travaillez quand vous le souhaitez ; le responsable de la "
                    "mission vous attribue les documents, relit vos traductions et vous remet une "
                    "attestation à la fin de la mission."
                ),
            ),
        },
        is_ongoing=True,
        capacity=25,
        credited_hours=20,
        published_day=-52,
        contact_name="هالة الشمري",
        contact_email="translation@volunteering.example.org",
        contact_phone="+966 11 465 2210",
    ),
    OpportunitySeed(
        key="arco-volunteer-guide-fr",
        tenant="arco",
        format="REMOTE",
        category="DIGITAL",
        skills=("TRANSLATION_AR_FR",),
        texts={
            "ar": OpportunityTexts(
                title="ترجمة دليل المتطوع إلى اللغة الفرنسية",
                summary=(
                    "شارك في نقل دليل المتطوع الجديد إلى الفرنسية لتستفيد منه فرق الجمعيات "
                    "الوطنية في المغرب العربي."
                ),
                description=(
                    "يعمل كثير من المدربين والمتطوعين في الجزائر وتونس والمغرب بالفرنسية إلى جانب "
                    "العربية، ويحتاجون إلى نسخة فرنسية من دليل المتطوع الذي أصدرته الأمانة "
                    "العامة. قسّمنا الدليل إلى فصول قصيرة يختار منها كل متطوع ما يناسب وقته، ثم "
                    "يراجع مترجم متمرس كل فصل قبل اعتماده. يُشترط إتقان اللغتين والإلمام بمصطلحات "
                    "الحركة الدولية للصليب الأحمر والهلال الأحمر، أو الاستعداد لتعلمها من المسرد "
                    "المرفق."
                ),
            ),
            "en": OpportunityTexts(
                title="Translate the Volunteer Handbook into French",
                summary=(
                    "Help bring the new Volunteer Handbook to French-speaking teams in North "
                    "African national societies."
                ),
                description=(
                    "Many trainers and volunteers in Algeria, Tunisia and Morocco work in French "
                    "as well as Arabic, and they need a French edition of the Volunteer Handbook "
                    "published by the Secretariat. The handbook is split into short chapters so "
                    "each volunteer can pick what fits their schedule, and an experienced "
                    "translator reviews every chapter before it is approved. You need a strong "
                    "command of both languages and some familiarity with Red Cross and Red "
                    "Crescent terminology, or the willingness to learn it from the glossary "
                    "provided."
                ),
            ),
            "fr": OpportunityTexts(
                title="Traduire le Guide du volontaire en français",
                summary=(
                    "Contribuez à la version française du Guide du volontaire, attendue par les "
                    "équipes des Sociétés nationales du Maghreb."
                ),
                description=(
                    "En Algérie, en Tunisie et au Maroc, de nombreux formateurs et volontaires "
                    "travaillent en français autant qu’en arabe ; il leur manque une version "
                    "française du Guide du volontaire publié par le Secrétariat. Le guide est "
                    "découpé en chapitres courts : chacun choisit ceux qui conviennent à son "
                    "emploi du temps, et un traducteur expérimenté relit chaque chapitre avant "
                    "validation. Une excellente maîtrise des deux langues est demandée, ainsi "
                    "qu’une bonne connaissance de la terminologie du Mouvement, ou l’envie de "
                    "l’apprendre grâce au glossaire fourni."
                ),
            ),
        },
        is_ongoing=True,
        capacity=10,
        credited_hours=30,
        published_day=-45,
        contact_name="Karima Bensalem",
        contact_email="guides@volunteering.example.org",
        contact_phone="+966 11 465 2214",
    ),
    OpportunitySeed(
        key="arco-awareness-infographics",
        tenant="arco",
        format="REMOTE",
        category="DIGITAL",
        skills=("GRAPHIC_DESIGN", "SOCIAL_MEDIA"),
        texts={
            "ar": OpportunityTexts(
                title="تصميم إنفوغرافيك لحملات التوعية",
                summary=(
                    "حوّل رسائل السلامة والإسعافات الأولية إلى تصاميم واضحة تنشرها الجمعيات "
                    "الوطنية على منصاتها."
                ),
                description=(
                    "تعدّ الأمانة العامة كل شهر رسائل توعوية حول الإسعافات الأولية والاستعداد "
                    "للكوارث، وتحتاج إلى مصممين متطوعين يحولونها إلى إنفوغرافيك ومنشورات بسيطة "
                    "باللغتين العربية والإنجليزية. نوفر لك الهوية البصرية للمنظمة ونص الرسالة بعد "
                    "مراجعته من المختصين، ويبقى لك اختيار الأسلوب. تُنشر التصاميم المعتمدة باسم "
                    "مصممها على صفحات المنصة العربية للتطوع."
                ),
            ),
            "en": OpportunityTexts(
                title="Design infographics for awareness campaigns",
                summary=(
                    "Turn safety and first aid messages into clear visuals that national "
                    "societies can share on their channels."
                ),
                description=(
                    "Each month the Secretariat prepares awareness messages on first aid and "
                    "disaster preparedness, and needs volunteer designers to turn them into "
                    "infographics and simple posts in Arabic and English. You receive the "
                    "organisation's visual identity and a text already checked by specialists; "
                    "the style is up to you. Approved designs are published with the designer's "
                    "credit on the Arab Volunteering Platform's pages."
                ),
            ),
            "fr": OpportunityTexts(
                title="Concevoir des infographies de sensibilisation",
                summary=(
                    "Transformez des messages de prévention et de premiers secours en visuels "
                    "clairs, repris par les Sociétés nationales."
                ),
                description=(
                    "Chaque mois, le Secrétariat rédige des messages de sensibilisation sur les "
                    "premiers secours et la préparation aux catastrophes. Nous recherchons des "
                    "graphistes bénévoles pour en faire des infographies et des publications "
                    "simples, en arabe et en anglais. Vous recevez la charte graphique de "
                    "l’Organisation et un texte validé par des spécialistes ; le style vous "
                    "appartient. Les visuels retenus sont publiés sous le nom de leur auteur sur "
                    "les pages de la Plateforme arabe du volontariat."
                ),
            ),
        },
        is_ongoing=True,
        capacity=15,
        credited_hours=12,
        published_day=-38,
        contact_name="ريم القحطاني",
        contact_email="design@volunteering.example.org",
        contact_phone="+966 11 465 2231",
    ),
    OpportunitySeed(
        key="arco-first-aid-posts",
        tenant="arco",
        format="REMOTE",
        category="HEALTH_AWARENESS",
        skills=("SOCIAL_MEDIA", "FIRST_AID_CERTIFIED"),
        campaign="arco-volunteer-from-home",
        texts={
            "ar": OpportunityTexts(
                title="كتابة محتوى توعوي قصير للمنصات الرقمية",
                summary=(
                    "اكتب منشورات قصيرة ودقيقة تجيب عن أسئلة الناس اليومية حول الإسعافات الأولية."
                ),
                description=(
                    "كيف أتصرف عند الاختناق؟ ماذا أفعل عند الحروق المنزلية؟ نجمع أسئلة المتابعين "
                    "على مواقع التواصل الاجتماعي، ونبحث عن متطوعين تلقوا تدريبا في الإسعافات "
                    "الأولية لصياغة إجابات قصيرة بلغة بسيطة. يراجع مسعف معتمد كل منشور قبل نشره، "
                    "ويمكنك المساهمة بمنشور واحد في الأسبوع أو أكثر حسب وقتك."
                ),
            ),
            "en": OpportunityTexts(
                title="Write short first aid posts for social media",
                summary=(
                    "Write short, accurate posts answering people's everyday first aid questions."
                ),
                description=(
                    "What should I do if someone is choking? How do I treat a burn at home? We "
                    "collect our followers' questions from social media and look for volunteers "
                    "with first aid training to answer them in a few lines of plain language. A "
                    "certified first aider reviews every post before it goes out, and you can "
                    "contribute one post a week or more, as your time allows."
                ),
            ),
            "fr": OpportunityTexts(
                title="Rédiger des contenus de prévention pour les réseaux sociaux",
                summary=(
                    "Rédigez des publications courtes et justes qui répondent aux questions "
                    "courantes sur les premiers secours."
                ),
                description=(
                    "Que faire face à une personne qui s’étouffe ? Comment soigner une brûlure à "
                    "la maison ? Nous rassemblons les questions de nos abonnés et cherchons des "
                    "bénévoles formés aux premiers secours pour y répondre en quelques lignes, "
                    "dans une langue simple. Un secouriste certifié relit chaque publication "
                    "avant sa mise en ligne ; vous pouvez en proposer une par semaine, ou "
                    "davantage selon vos disponibilités."
                ),
            ),
        },
        is_ongoing=True,
        capacity=20,
        credited_hours=10,
        published_day=-30,
        contact_name="ريم القحطاني",
        contact_email="content@volunteering.example.org",
        contact_phone="+966 11 465 2231",
    ),
    OpportunitySeed(
        key="arco-volunteer-statistics",
        tenant="arco",
        format="REMOTE",
        category="DIGITAL",
        skills=("DATA_ENTRY",),
        texts={
            "ar": OpportunityTexts(
                title="تدقيق بيانات الإحصاء السنوي للمتطوعين",
                summary=(
                    "فرصة مخصصة لمتطوعي الجمعيات الوطنية لمراجعة جداول الإحصاء السنوي قبل نشر "
                    "التقرير العربي للتطوع."
                ),
                description=(
                    "ترسل الجمعيات الوطنية في نهاية كل عام بيانات عن أعداد المتطوعين وساعات "
                    "التطوع والفئات العمرية. نحتاج إلى متطوعين دقيقين لمطابقة هذه الجداول مع "
                    "الاستمارات الأصلية وتوحيد صيغها قبل إدراجها في التقرير. ولأن البيانات "
                    "داخلية، تقتصر الفرصة على أعضاء الجمعيات الوطنية في الشبكة، ويوقّع كل متطوع "
                    "تعهدا بالحفاظ على سرية المعلومات."
                ),
            ),
            "en": OpportunityTexts(
                title="Review the annual volunteer statistics",
                summary=(
                    "Open to national society volunteers only: check the annual statistics tables "
                    "before the Arab volunteering report is published."
                ),
                description=(
                    "At the end of each year, national societies send in figures on volunteer "
                    "numbers, volunteering hours and age groups. We need meticulous volunteers to "
                    "match these tables against the original forms and harmonise their formats "
                    "before they go into the report. Because the data is internal, the "
                    "opportunity is limited to members of the network's national societies, and "
                    "every volunteer signs a confidentiality pledge."
                ),
            ),
        },
        is_ongoing=True,
        capacity=8,
        credited_hours=15,
        visibility="NETWORK",
        published_day=-21,
        contact_name="محمد الغامدي",
        contact_email="statistics@volunteering.example.org",
        contact_phone="+966 11 465 2240",
    ),
    OpportunitySeed(
        key="arco-training-video-subtitles",
        tenant="arco",
        format="REMOTE",
        category="DIGITAL",
        skills=("TRANSLATION_AR_EN", "TRANSLATION_AR_FR", "VIDEO_EDITING"),
        campaign="arco-volunteer-from-home",
        texts={
            "ar": OpportunityTexts(
                title="إعداد ترجمة مصاحبة لفيديوهات التدريب",
                summary=(
                    "أضف ترجمة مكتوبة بالإنجليزية أو الفرنسية إلى مقاطع التدريب القصيرة التي "
                    "تنتجها الأمانة العامة."
                ),
                description=(
                    "تنتج الأمانة العامة مقاطع فيديو قصيرة عن الإسعافات الأولية والدعم النفسي "
                    "الاجتماعي وإدارة المتطوعين، وتريد إتاحتها لجمهور أوسع. يتولى المتطوع تفريغ "
                    "النص العربي وترجمته ومزامنته مع الصورة، باستخدام أدوات مجانية نشرح طريقة "
                    "استعمالها في جلسة تعريفية عن بعد. لا يتجاوز أي مقطع عشر دقائق، وتُحتسب ساعات "
                    "التطوع بحسب عدد المقاطع المنجزة."
                ),
            ),
            "en": OpportunityTexts(
                title="Subtitle training videos",
                summary=(
                    "Add English or French subtitles to the short training videos produced by the "
                    "Secretariat."
                ),
                description=(
                    "The Secretariat produces short videos on first aid, psychosocial support and "
                    "volunteer management, and wants them to reach a wider audience. Volunteers "
                    "transcribe the Arabic audio, translate it and time the subtitles to the "
                    "picture, using free tools introduced in a short online onboarding session. "
                    "No video runs longer than ten minutes, and your volunteering hours are "
                    "credited according to the number of videos you complete."
                ),
            ),
            "fr": OpportunityTexts(
                title="Sous-titrer des vidéos de formation",
                summary=(
                    "Ajoutez des sous-titres anglais ou français aux courtes vidéos de formation "
                    "produites par le Secrétariat."
                ),
                description=(
                    "Le Secrétariat réalise de courtes vidéos sur les premiers secours, le "
                    "soutien psychosocial et la gestion des volontaires, et souhaite les rendre "
                    "accessibles à un public plus large. Le bénévole transcrit la bande-son "
                    "arabe, la traduit et synchronise les sous-titres avec l’image, à l’aide "
                    "d’outils gratuits présentés lors d’une séance d’accueil en ligne. Aucune "
                    "vidéo ne dépasse dix minutes, et vos heures sont comptabilisées selon le "
                    "nombre de vidéos terminées."
                ),
            ),
        },
        is_ongoing=True,
        capacity=30,
        credited_hours=8,
        published_day=-14,
        contact_name="Karima Bensalem",
        contact_email="subtitles@volunteering.example.org",
        contact_phone="+966 11 465 2214",
    ),
    OpportunitySeed(
        key="arco-leaders-forum-team",
        tenant="arco",
        format="HYBRID",
        category="COMMUNITY_EVENTS",
        skills=("EVENT_ORGANIZING", "TRANSLATION_AR_EN", "PHOTOGRAPHY"),
        organization="arco-training-center",
        texts={
            "ar": OpportunityTexts(
                title="فريق تنظيم الملتقى الأول لقيادات التطوع",
                summary=(
                    "انضم إلى الفريق المنظم للملتقى في الرياض، أو إلى فريق التغطية الرقمية عن "
                    "بعد."
                ),
                description=(
                    "تستضيف الأمانة العامة في الرياض الملتقى الأول لقيادات التطوع بالجمعيات "
                    "الوطنية للهلال الأحمر والصليب الأحمر، لمناقشة سبل الاستفادة من المنصة "
                    "العربية للتطوع. نحتاج إلى متطوعين في الموقع لاستقبال الوفود وتنظيم الجلسات، "
                    "وآخرين عن بعد لتغطية الملتقى على مواقع التواصل الاجتماعي وتلخيص الجلسات "
                    "باللغتين العربية والإنجليزية. يحضر جميع المتطوعين جلسة تحضيرية قبل الملتقى "
                    "بثلاثة أيام."
                ),
            ),
            "en": OpportunityTexts(
                title="Organising team for the first Volunteer Leaders Forum",
                summary=(
                    "Join the on-site organising team in Riyadh or the remote digital coverage "
                    "team."
                ),
                description=(
                    "The Secretariat is hosting in Riyadh the first Forum of Volunteer Leaders "
                    "from Red Crescent and Red Cross national societies, to discuss how societies "
                    "can make the most of the Arab Volunteering Platform. We need volunteers on "
                    "site to welcome delegations and run the sessions, and others working "
                    "remotely to cover the forum on social media and summarise sessions in Arabic "
                    "and English. All volunteers attend a preparatory briefing three days before "
                    "the forum."
                ),
            ),
            "fr": OpportunityTexts(
                title="Équipe d’organisation du premier Forum des responsables du volontariat",
                summary=(
                    "Rejoignez l’équipe d’organisation sur place à Riyad ou l’équipe de "
                    "couverture numérique à distance."
                ),
                description=(
                    "Le Secrétariat accueille à Riyad le premier Forum des responsables du "
                    "volontariat des Sociétés nationales du Croissant-Rouge et de la Croix-Rouge, "
                    "consacré à l’utilisation de la Plateforme arabe du volontariat. Nous avons "
                    "besoin de volontaires sur place pour accueillir les délégations et assurer "
                    "le bon déroulement des sessions, et d’autres à distance pour couvrir le "
                    "forum sur les réseaux sociaux et résumer les débats en arabe et en anglais. "
                    "Une réunion de préparation a lieu trois jours avant l’ouverture."
                ),
            ),
        },
        city="Riyadh",
        region="Riyadh Region",
        latitude=24.7136,
        longitude=46.6753,
        starts_day=12,
        starts_hour=8,
        duration_hours=10,
        capacity=20,
        credited_hours=16,
        published_day=-10,
        contact_name="سامي العتيبي",
        contact_email="forum@volunteering.example.org",
        contact_phone="+966 11 465 2205",
    ),
)

_DZ_OPPORTUNITIES: tuple[OpportunitySeed, ...] = (
    OpportunitySeed(
        key="dz-oran-ramadan-baskets",
        tenant="dz-crescent",
        format="ONSITE",
        category="RELIEF_DISTRIBUTION",
        skills=("LOGISTICS", "DRIVING", "DATA_ENTRY"),
        organization="dz-oran-branch",
        campaign="dz-ramadan-baskets",
        texts={
            "ar": OpportunityTexts(
                title="تحضير وتوزيع «قفة رمضان» بوهران",
                summary=(
                    "ساهم في فرز المواد الغذائية وتعبئة القفف وإيصالها إلى العائلات المعوزة "
                    "بأحياء وهران."
                ),
                description=(
                    "يستعد فرع الهلال الأحمر الجزائري بوهران لتوزيع قفة رمضان على العائلات "
                    "المعوزة المسجلة بالتنسيق مع مصالح النشاط الاجتماعي للبلديات. يعمل المتطوعون "
                    "قبل حلول الشهر الفضيل على فرز التبرعات في المستودع وتعبئة القفف، ثم يرافقون "
                    "فرق التوزيع إلى الأحياء ويحيّنون قوائم المستفيدين. نرحب خاصة بأصحاب رخص "
                    "السياقة لدعم فرق النقل، ونطلب الالتزام بثلاث مناوبات على الأقل خلال الحملة."
                ),
            ),
            "fr": OpportunityTexts(
                title="Préparation et distribution du couffin du Ramadhan à Oran",
                summary=(
                    "Triez les denrées, préparez les couffins et livrez-les aux familles démunies "
                    "des quartiers d’Oran."
                ),
                description=(
                    "Le bureau d’Oran du Croissant-Rouge algérien prépare la distribution du "
                    "couffin du Ramadhan aux familles nécessiteuses recensées avec les services "
                    "sociaux des communes. Avant le début du mois sacré, les bénévoles trient les "
                    "dons à l’entrepôt et remplissent les couffins, puis accompagnent les équipes "
                    "de distribution dans les quartiers en tenant à jour les listes de "
                    "bénéficiaires. Les titulaires du permis de conduire sont particulièrement "
                    "attendus pour renforcer le transport ; nous demandons un engagement d’au "
                    "moins trois permanences pendant l’opération."
                ),
            ),
            "en": OpportunityTexts(
                title="Ramadan food baskets in Oran",
                summary=(
                    "Sort food donations, pack baskets and deliver them to families in need "
                    "across Oran."
                ),
                description=(
                    "The Algerian Red Crescent's Oran branch is preparing its Ramadan food basket "
                    "distribution for families in need, registered together with the "
                    "municipalities' social services. Before the holy month begins, volunteers "
                    "sort donations at the warehouse and pack the baskets, then go out with the "
                    "distribution teams and keep beneficiary lists up to date. Volunteers with a "
                    "driving licence are especially welcome, and we ask for a commitment of at "
                    "least three shifts during the campaign."
                ),
            ),
        },
        city="Oran",
        region="Oran",
        latitude=35.6971,
        longitude=-0.6308,
        starts_day=88,
        starts_hour=9,
        duration_hours=5,
        capacity=40,
        credited_hours=15,
        published_day=-12,
        contact_name="عبد الحق بن يحيى",
        contact_email="oran@benevolat.example.dz",
        contact_phone="+213 41 33 52 18",
    ),
    OpportunitySeed(
        key="dz-chlef-flood-relief",
        tenant="dz-crescent",
        format="ONSITE",
        category="DISASTER_RESPONSE",
        skills=("FIRST_AID_CERTIFIED", "LOGISTICS", "PSYCHOSOCIAL_SUPPORT"),
        organization="dz-chlef-apc",
        texts={
            "ar": OpportunityTexts(
                title="نداء عاجل: مساعدة العائلات المتضررة من فيضانات الشلف",
                summary=(
                    "نحتاج فورا إلى متطوعين لدعم العائلات التي غمرت المياه منازلها في عدة أحياء "
                    "بالشلف."
                ),
                description=(
                    "خلّفت الأمطار الغزيرة التي تساقطت على ولاية الشلف خلال اليومين الماضيين "
                    "فيضانات غمرت منازل عشرات العائلات. تنسق فرق الهلال الأحمر الجزائري مع مصالح "
                    "البلدية والحماية المدنية لإيواء المتضررين وتوزيع الأغطية والوجبات الساخنة "
                    "وتقديم الإسعافات الأولية والدعم النفسي. نرحب بالمتطوعين الحاصلين على تكوين "
                    "في الإسعافات الأولية، وبكل من يستطيع المساعدة في تفريغ الشاحنات وتنظيم مراكز "
                    "الإيواء المؤقتة."
                ),
            ),
            "fr": OpportunityTexts(
                title="Appel urgent : aide aux familles sinistrées par les inondations à Chlef",
                summary=(
                    "Nous recherchons dès maintenant des bénévoles pour soutenir les familles "
                    "dont les logements ont été inondés à Chlef."
                ),
                description=(
                    "Les pluies torrentielles tombées ces deux derniers jours sur la wilaya de "
                    "Chlef ont inondé les habitations de plusieurs dizaines de familles. Les "
                    "équipes du Croissant-Rouge algérien travaillent avec l’APC et la Protection "
                    "civile pour héberger les sinistrés, distribuer couvertures et repas chauds, "
                    "et assurer premiers secours et soutien psychologique. Les bénévoles formés "
                    "aux premiers secours sont prioritaires, mais toute aide est la bienvenue "
                    "pour décharger les camions et organiser les centres d’hébergement "
                    "provisoires."
                ),
            ),
        },
        city="Chlef",
        region="Chlef",
        latitude=36.1653,
        longitude=1.3345,
        starts_day=-4,
        starts_hour=7,
        duration_hours=8,
        capacity=60,
        credited_hours=8,
        is_emergency=True,
        published_day=-4,
        contact_name="محمد العيد قرفي",
        contact_email="chlef@benevolat.example.dz",
        contact_phone="+213 770 41 28 95",
    ),
    OpportunitySeed(
        key="dz-constantine-blood-drive",
        tenant="dz-crescent",
        format="ONSITE",
        category="BLOOD_DONATION",
        skills=("NURSING", "EVENT_ORGANIZING"),
        organization="dz-chu-constantine",
        texts={
            "ar": OpportunityTexts(
                title="تنظيم حملة التبرع بالدم بالمستشفى الجامعي بقسنطينة",
                summary=(
                    "ساعد في استقبال المتبرعين وتوجيههم خلال يوم التبرع بالدم بالتنسيق مع مصلحة "
                    "حقن الدم."
                ),
                description=(
                    "يعاني بنك الدم بالمركز الاستشفائي الجامعي بقسنطينة من نقص في بعض الفصائل "
                    "النادرة. ينظم الهلال الأحمر الجزائري بالتعاون مع مصلحة حقن الدم يوما مفتوحا "
                    "للتبرع، ويحتاج إلى متطوعين لاستقبال المتبرعين وملء استمارات التسجيل وتقديم "
                    "وجبة خفيفة بعد التبرع. يُرحَّب بطلبة العلوم الطبية وشبه الطبية للمساعدة في "
                    "مراقبة المتبرعين خلال فترة الراحة."
                ),
            ),
            "fr": OpportunityTexts(
                title="Collecte de sang au CHU de Constantine",
                summary=(
                    "Accueillez et orientez les donneurs lors de la journée de don de sang "
                    "organisée avec le service de transfusion."
                ),
                description=(
                    "La banque de sang du CHU de Constantine manque de certains groupes sanguins "
                    "rares. Le Croissant-Rouge algérien organise avec le service de transfusion "
                    "sanguine une journée portes ouvertes du don, et cherche des bénévoles pour "
                    "accueillir les donneurs, remplir les fiches d’inscription et servir une "
                    "collation après le prélèvement. Les étudiants en médecine et en paramédical "
                    "sont les bienvenus pour surveiller les donneurs pendant leur temps de repos."
                ),
            ),
            "en": OpportunityTexts(
                title="Blood drive at Constantine University Hospital",
                summary=(
                    "Welcome and guide donors during a blood donation day run with the hospital's "
                    "transfusion service."
                ),
                description=(
                    "The blood bank at Constantine University Hospital is short of several rare "
                    "blood groups. Together with the transfusion service, the Algerian Red "
                    "Crescent is holding an open blood donation day and needs volunteers to "
                    "welcome donors, fill in registration forms and serve a snack after donation. "
                    "Medical and nursing students are welcome to help monitor donors while they "
                    "rest."
                ),
            ),
        },
        city="Constantine",
        region="Constantine",
        latitude=36.3650,
        longitude=6.6147,
        starts_day=9,
        starts_hour=8,
        duration_hours=6,
        capacity=15,
        credited_hours=6,
        published_day=-14,
        contact_name="ليلى بوشارب",
        contact_email="sang.constantine@benevolat.example.dz",
        contact_phone="+213 31 92 40 17",
    ),
    OpportunitySeed(
        key="dz-coordinators-training",
        tenant="dz-crescent",
        format="ONSITE",
        category="EDUCATION",
        skills=("EVENT_ORGANIZING", "DATA_ENTRY"),
        texts={
            "ar": OpportunityTexts(
                title="تكوين منسقي المتطوعين في اللجان الولائية (داخلي)",
                summary=(
                    "دورة تكوينية مغلقة لمنسقي المتطوعين في اللجان الولائية حول تسيير الفرص "
                    "التطوعية على المنصة."
                ),
                description=(
                    "تنظم اللجنة الوطنية دورة تكوينية لمدة يومين بالجزائر العاصمة لفائدة منسقي "
                    "المتطوعين المعيَّنين في اللجان الولائية. يتناول البرنامج نشر الفرص التطوعية "
                    "على المنصة، ومتابعة الطلبات والمصادقة على ساعات التطوع، وإصدار الشهادات، "
                    "إضافة إلى حماية المعطيات الشخصية للمتطوعين. يتم التسجيل عن طريق رئيس اللجنة "
                    "الولائية فقط، والإيواء مضمون للقادمين من خارج العاصمة."
                ),
            ),
            "fr": OpportunityTexts(
                title="Formation des coordinateurs de wilaya (interne)",
                summary=(
                    "Session fermée pour les coordinateurs des bénévoles des comités de wilaya : "
                    "gestion des missions sur la plateforme."
                ),
                description=(
                    "Le comité national organise à Alger une formation de deux jours pour les "
                    "coordinateurs des bénévoles désignés par les comités de wilaya. Au programme "
                    ": publication des missions sur la plateforme, suivi des candidatures, "
                    "validation des heures de bénévolat, délivrance des attestations et "
                    "protection des données personnelles des bénévoles. Inscription uniquement "
                    "par l’intermédiaire du président du comité de wilaya ; l’hébergement est "
                    "pris en charge pour les participants venant d’autres wilayas."
                ),
            ),
        },
        city="Algiers",
        region="Algiers",
        latitude=36.7538,
        longitude=3.0588,
        starts_day=25,
        starts_hour=9,
        duration_hours=32,
        capacity=30,
        credited_hours=14,
        visibility="TENANT",
        published_day=-9,
        contact_name="Farid Aïssani",
        contact_email="formation@benevolat.example.dz",
        contact_phone="+213 23 50 61 44",
    ),
    OpportunitySeed(
        key="dz-oran-elderly-visits",
        tenant="dz-crescent",
        format="ONSITE",
        category="ELDERLY_CARE",
        skills=("PSYCHOSOCIAL_SUPPORT",),
        organization="dz-oran-branch",
        texts={
            "ar": OpportunityTexts(
                title="زيارات أسبوعية لدار الأشخاص المسنين بوهران",
                summary=(
                    "خصّص مساء يوم في الأسبوع لمؤانسة المقيمين في دار الأشخاص المسنين ومرافقتهم."
                ),
                description=(
                    "يقيم في دار الأشخاص المسنين بوهران عدد من كبار السن الذين لا يكاد يزورهم "
                    "أحد. يتناوب المتطوعون كل جمعة بعد الظهر على مجالستهم وقراءة الجرائد لهم "
                    "ومرافقتهم في نزهة قصيرة داخل الحديقة، بالتنسيق مع طاقم الدار. الفرصة مفتوحة "
                    "طوال السنة، ويحضر المتطوع الجديد جلسة توجيهية قصيرة حول التعامل مع المسنين "
                    "قبل زيارته الأولى."
                ),
            ),
            "fr": OpportunityTexts(
                title="Visites hebdomadaires au foyer pour personnes âgées d’Oran",
                summary=(
                    "Consacrez un après-midi par semaine à tenir compagnie aux résidents du foyer "
                    "pour personnes âgées."
                ),
                description=(
                    "Au foyer pour personnes âgées d’Oran, plusieurs résidents ne reçoivent "
                    "presque jamais de visite. Chaque vendredi après-midi, des bénévoles se "
                    "relaient pour discuter avec eux, leur lire le journal et les accompagner "
                    "pour une courte promenade dans le jardin, en lien avec l’équipe de "
                    "l’établissement. La mission est ouverte toute l’année ; une courte séance "
                    "d’orientation sur l’accompagnement des personnes âgées précède la première "
                    "visite."
                ),
            ),
            "en": OpportunityTexts(
                title="Weekly visits to the Oran home for older people",
                summary=(
                    "Spend one afternoon a week keeping the residents of a care home for older "
                    "people company."
                ),
                description=(
                    "Some residents of the Oran home for older people hardly ever receive "
                    "visitors. Every Friday afternoon, volunteers take turns to sit and talk with "
                    "them, read them the newspaper and take them for a short walk in the garden, "
                    "in coordination with the home's staff. The opportunity runs all year; new "
                    "volunteers attend a short orientation on supporting older people before "
                    "their first visit."
                ),
            ),
        },
        city="Oran",
        region="Oran",
        latitude=35.6971,
        longitude=-0.6308,
        starts_hour=14,
        duration_hours=3,
        is_ongoing=True,
        capacity=12,
        credited_hours=3,
        published_day=-58,
        contact_name="عبد الحق بن يحيى",
        contact_email="oran@benevolat.example.dz",
        contact_phone="+213 41 33 52 18",
    ),
    OpportunitySeed(
        key="dz-tizi-reforestation",
        tenant="dz-crescent",
        format="ONSITE",
        category="ENVIRONMENT",
        skills=(),
        organization="dz-tizi-committee",
        texts={
            "ar": OpportunityTexts(
                title="إعادة تشجير المساحات المتضررة من حرائق الغابات بتيزي وزو",
                summary=(
                    "شارك في غرس الأشجار على سفوح أتلفتها حرائق الصيف، بالتنسيق مع محافظة "
                    "الغابات."
                ),
                description=(
                    "أتت حرائق الصيف الماضي على مساحات واسعة من الغطاء الغابي بولاية تيزي وزو. "
                    "تنظم اللجنة الولائية للهلال الأحمر الجزائري، بالتنسيق مع محافظة الغابات، "
                    "يوما للتشجير مع بداية موسم الأمطار لغرس شتلات البلوط الفليني والصنوبر "
                    "الحلبي. يُنصح بارتداء أحذية مناسبة للمشي في المنحدرات، ويتكفل الهلال الأحمر "
                    "بالنقل انطلاقا من مقر اللجنة وبوجبة الغداء."
                ),
            ),
            "fr": OpportunityTexts(
                title="Reboisement des zones incendiées à Tizi Ouzou",
                summary=(
                    "Plantez des arbres sur les versants détruits par les incendies de l’été, "
                    "avec la Conservation des forêts."
                ),
                description=(
                    "Les incendies de l’été dernier ont ravagé une grande partie du couvert "
                    "forestier de la wilaya de Tizi Ouzou. Avec la Conservation des forêts, le "
                    "comité de wilaya du Croissant-Rouge algérien organise une journée de "
                    "reboisement au début de la saison des pluies pour planter des chênes-lièges "
                    "et des pins d’Alep. Prévoyez des chaussures adaptées aux terrains en pente ; "
                    "le transport depuis le siège du comité et le déjeuner sont assurés."
                ),
            ),
            "en": OpportunityTexts(
                title="Replanting fire-damaged slopes in Tizi Ouzou",
                summary=(
                    "Plant trees on hillsides destroyed by last summer's wildfires, together with "
                    "the forestry service."
                ),
                description=(
                    "Last summer's wildfires destroyed large areas of forest in Tizi Ouzou "
                    "province. Working with the provincial forestry service, the Algerian Red "
                    "Crescent's local committee is holding a tree-planting day at the start of "
                    "the rainy season to plant cork oak and Aleppo pine seedlings. Wear shoes "
                    "suitable for steep ground; transport from the committee's office and lunch "
                    "are provided."
                ),
            ),
        },
        city="Tizi Ouzou",
        region="Tizi Ouzou",
        latitude=36.7169,
        longitude=4.0497,
        starts_day=28,
        starts_hour=8,
        duration_hours=6,
        capacity=80,
        credited_hours=6,
        published_day=-6,
        contact_name="Mourad Aït Saïd",
        contact_email="tizi@benevolat.example.dz",
        contact_phone="+213 26 21 37 90",
    ),
)

# The Sétif association writes its own opportunities in Arabic, most also in French.
_SETIF_OPPORTUNITIES: tuple[OpportunitySeed, ...] = (
    OpportunitySeed(
        key="setif-volunteer-village",
        tenant="setif-youth",
        format="ONSITE",
        category="COMMUNITY_EVENTS",
        skills=("EVENT_ORGANIZING", "FIRST_AID_CERTIFIED"),
        organization="setif-apc",
        campaign="setif-volunteer-day",
        texts={
            "ar": OpportunityTexts(
                title="قرية التطوع بمناسبة اليوم العالمي للتطوع",
                summary=(
                    "كن من فريق «قرية التطوع» التي تجمع الجمعيات والمؤسسات بساحة عين الفوارة يوم "
                    "5 ديسمبر."
                ),
                description=(
                    "احتفاءً باليوم العالمي للتطوع المصادف للخامس من ديسمبر، تنظم الجمعية "
                    "الولائية للشباب المتطوع بسطيف بالتعاون مع بلدية سطيف «قرية التطوع» التي تضم "
                    "أجنحة للجمعيات والمؤسسات الشريكة وركنا للتبرع بالدم وورشات لتعليم الأطفال "
                    "الإسعافات الأولية. نحتاج إلى متطوعين لتركيب الأجنحة واستقبال الزوار وتسجيل "
                    "المنخرطين الجدد في منصة «لنتطوع». تُضاف ساعات المشاركة إلى رصيدك على المنصة "
                    "وتقرّبك من شارتك القادمة."
                ),
            ),
            "fr": OpportunityTexts(
                title="Village du bénévolat pour la Journée internationale des volontaires",
                summary=(
                    "Rejoignez l’équipe du village du bénévolat qui réunit associations et "
                    "institutions place Aïn El Fouara le 5 décembre."
                ),
                description=(
                    "À l’occasion de la Journée internationale des volontaires, le 5 décembre, "
                    "l’Association de wilaya des jeunes volontaires de Sétif organise avec l’APC "
                    "de Sétif un « village du bénévolat » : stands des associations et "
                    "institutions partenaires, espace de don de sang et ateliers d’initiation aux "
                    "premiers secours pour les enfants. Nous recherchons des bénévoles pour "
                    "monter les stands, accueillir le public et inscrire les nouveaux volontaires "
                    "sur la plateforme « Linatatawaa ». Les heures effectuées sont créditées sur "
                    "votre compte et vous rapprochent de votre prochain badge."
                ),
            ),
            "en": OpportunityTexts(
                title="Volunteering Village for International Volunteer Day",
                summary=(
                    "Help run the Volunteering Village that brings associations and institutions "
                    "together in Aïn El Fouara square on 5 December."
                ),
                description=(
                    "To mark International Volunteer Day on 5 December, the Sétif Wilaya "
                    "Association of Young Volunteers and the Municipality of Sétif are setting up "
                    "a Volunteering Village with stands for partner associations and "
                    "institutions, a blood donation corner and first aid workshops for children. "
                    "We need volunteers to put up the stands, welcome visitors and sign new "
                    "volunteers up to the Linatatawaa platform. Your hours are credited to your "
                    "account and bring you closer to your next badge."
                ),
            ),
        },
        city="Sétif",
        region="Sétif",
        latitude=36.1911,
        longitude=5.4137,
        starts_day=34,
        starts_hour=8,
        duration_hours=9,
        capacity=80,
        credited_hours=9,
        published_day=-9,
        contact_name="نسيم بلعيد",
        contact_email="contact@lnatatawa.example.dz",
        contact_phone="+213 36 84 12 55",
    ),
    OpportunitySeed(
        key="setif-school-tree-planting",
        tenant="setif-youth",
        format="ONSITE",
        category="ENVIRONMENT",
        skills=(),
        organization="setif-cem-8-mai",
        texts={
            "ar": OpportunityTexts(
                title="حملة تشجير بمحيط المؤسسات التربوية بسطيف",
                summary=(
                    "حملة غرس أشجار يشارك فيها التلاميذ رفقة أساتذتهم ومتطوعي الجمعية، انطلاقا من "
                    "متوسطة 8 ماي 1945."
                ),
                description=(
                    "بالتنسيق مع مديرية التربية وبلدية سطيف، تطلق الجمعية حملة تشجير تستهدف محيط "
                    "عدد من المؤسسات التربوية، بدءا بمتوسطة 8 ماي 1945. يغرس التلاميذ الأشجار تحت "
                    "تأطير أساتذتهم ومتطوعين بالغين، ويتعهد كل قسم بسقي أشجاره ومتابعتها طوال "
                    "السنة الدراسية. تُشترط موافقة الولي بالنسبة للتلاميذ القصّر، وتُوفَّر "
                    "القفازات والأدوات في عين المكان."
                ),
            ),
            "fr": OpportunityTexts(
                title="Plantation d’arbres autour des établissements scolaires de Sétif",
                summary=(
                    "Une campagne de plantation menée par les élèves, leurs enseignants et nos "
                    "bénévoles, en commençant par le CEM 8 Mai 1945."
                ),
                description=(
                    "En coordination avec la direction de l’éducation et l’APC de Sétif, "
                    "l’association lance une campagne de plantation autour de plusieurs "
                    "établissements scolaires, en commençant par le CEM 8 Mai 1945. Les élèves "
                    "plantent, encadrés par leurs enseignants et par des bénévoles adultes, et "
                    "chaque classe s’engage à arroser et suivre ses arbres tout au long de "
                    "l’année scolaire. Une autorisation parentale est exigée pour les élèves "
                    "mineurs ; gants et outils sont fournis sur place."
                ),
            ),
        },
        city="Sétif",
        region="Sétif",
        latitude=36.1911,
        longitude=5.4137,
        starts_day=18,
        starts_hour=9,
        duration_hours=3,
        capacity=120,
        credited_hours=3,
        published_day=-16,
        contact_name="وليد حمادي",
        contact_email="environnement@lnatatawa.example.dz",
        contact_phone="+213 661 52 08 37",
    ),
    OpportunitySeed(
        key="setif-bac-tutoring",
        tenant="setif-youth",
        format="HYBRID",
        category="EDUCATION",
        skills=("TEACHING",),
        organization="setif-univ-ferhat-abbas",
        texts={
            "ar": OpportunityTexts(
                title="دروس دعم لتلاميذ البكالوريا يقدمها طلبة جامعيون",
                summary=(
                    "قدّم حصص دعم في الرياضيات والفيزياء واللغات لتلاميذ أقسام البكالوريا، حضوريا "
                    "بالجامعة أو عن بعد."
                ),
                description=(
                    "بالشراكة مع جامعة فرحات عباس سطيف 1، تنظم الجمعية حصص دعم مجانية لتلاميذ "
                    "السنة الثالثة ثانوي من العائلات محدودة الدخل. يختار الطالب المتطوع مادته "
                    "وتوقيته: حصص حضورية كل سبت صباحا بقاعات الجامعة، أو حصص عن بعد في المساء. "
                    "تُسجَّل الساعات المنجزة على منصة «لنتطوع»، ويحصل المتطوع في نهاية السنة "
                    "الدراسية على شهادة مشاركة ممضاة من الجامعة والجمعية."
                ),
            ),
            "fr": OpportunityTexts(
                title="Cours de soutien aux candidats au bac, assurés par des étudiants",
                summary=(
                    "Donnez des cours de soutien en mathématiques, en physique ou en langues aux "
                    "élèves de terminale, à l’université ou en ligne."
                ),
                description=(
                    "En partenariat avec l’Université Ferhat Abbas Sétif 1, l’association "
                    "organise des cours de soutien gratuits pour les élèves de terminale issus de "
                    "familles à revenus modestes. L’étudiant bénévole choisit sa matière et son "
                    "créneau : séances en présentiel le samedi matin dans les salles de "
                    "l’université, ou séances en ligne en soirée. Les heures effectuées sont "
                    "enregistrées sur la plateforme, et une attestation signée par l’université "
                    "et l’association est remise en fin d’année scolaire."
                ),
            ),
            "en": OpportunityTexts(
                title="Baccalaureate tutoring by university students",
                summary=(
                    "Tutor final-year secondary pupils in maths, physics or languages, on campus "
                    "or online."
                ),
                description=(
                    "In partnership with Ferhat Abbas University Sétif 1, the association runs "
                    "free tutoring for final-year secondary pupils from low-income families. "
                    "Student volunteers choose their subject and slot: in-person sessions on "
                    "Saturday mornings in university classrooms, or online sessions in the "
                    "evening. Hours are recorded on the platform, and at the end of the school "
                    "year volunteers receive a certificate signed by the university and the "
                    "association."
                ),
            ),
        },
        city="Sétif",
        region="Sétif",
        latitude=36.1911,
        longitude=5.4137,
        is_ongoing=True,
        capacity=40,
        credited_hours=40,
        published_day=-55,
        contact_name="Dr Amel Khelifa",
        contact_email="soutien@lnatatawa.example.dz",
        contact_phone="+213 36 84 12 56",
    ),
    OpportunitySeed(
        key="setif-elderly-home-visit",
        tenant="setif-youth",
        format="ONSITE",
        category="ELDERLY_CARE",
        skills=("COOKING",),
        texts={
            "ar": OpportunityTexts(
                title="زيارة دار الأشخاص المسنين بسطيف",
                summary=(
                    "مساء من المؤانسة مع المقيمين، مفتوح أيضا للمتقاعدين الراغبين في العمل "
                    "التطوعي."
                ),
                description=(
                    "تنظم الجمعية زيارة إلى دار الأشخاص المسنين بسطيف، يحمل فيها المتطوعون "
                    "الحلويات التقليدية ويشاركون المقيمين جلسة شاي وأحاديث وألعابا بسيطة. ندعو "
                    "المتقاعدين بشكل خاص إلى الانضمام إلينا، فهم أقرب إلى جيل المقيمين ويترك "
                    "حضورهم أثرا طيبا في نفوسهم. العدد محدود احتراما لراحة المقيمين، والتسجيل عبر "
                    "المنصة قبل يومين على الأقل."
                ),
            ),
            "fr": OpportunityTexts(
                title="Visite au foyer pour personnes âgées de Sétif",
                summary=(
                    "Un après-midi de convivialité avec les résidents, ouvert aussi aux retraités "
                    "qui souhaitent s’engager."
                ),
                description=(
                    "L’association organise une visite au foyer pour personnes âgées de Sétif : "
                    "les bénévoles apportent des gâteaux traditionnels et partagent avec les "
                    "résidents un thé, des discussions et quelques jeux simples. Les retraités "
                    "sont particulièrement invités à se joindre à nous ; proches de la génération "
                    "des résidents, ils sont toujours accueillis avec beaucoup de joie. Le nombre "
                    "de places est limité pour préserver la tranquillité des résidents ; "
                    "inscription sur la plateforme au moins deux jours avant."
                ),
            ),
        },
        city="Sétif",
        region="Sétif",
        latitude=36.1911,
        longitude=5.4137,
        starts_day=4,
        starts_hour=14,
        duration_hours=3,
        capacity=12,
        credited_hours=3,
        published_day=-8,
        contact_name="نسيم بلعيد",
        contact_email="contact@lnatatawa.example.dz",
        contact_phone="+213 36 84 12 55",
    ),
    OpportunitySeed(
        key="setif-platform-ambassadors",
        tenant="setif-youth",
        format="HYBRID",
        category="DIGITAL",
        skills=("SOCIAL_MEDIA", "EVENT_ORGANIZING"),
        texts={
            "ar": OpportunityTexts(
                title="سفراء منصة «لنتطوع» في الثانويات ومراكز التكوين المهني",
                summary=(
                    "عرّف التلاميذ والمتربصين بمنصة «لنتطوع» وساعدهم على إنشاء حساباتهم واختيار "
                    "أول فرصة تطوعية."
                ),
                description=(
                    "نريد أن تكون منصة «لنتطوع» جسرا بين الشباب وأصحاب الفرص التطوعية في كامل "
                    "الولاية. نبحث عن سفراء من الطلبة والمتطوعين القدامى لتنشيط حصص تعريفية قصيرة "
                    "في الثانويات ومراكز التكوين المهني، ومرافقة الراغبين في التسجيل، ثم الرد على "
                    "أسئلتهم عبر صفحات الجمعية على مواقع التواصل الاجتماعي. يستفيد السفراء من "
                    "تكوين في التواصل والتنشيط قبل انطلاق الجولات."
                ),
            ),
            "fr": OpportunityTexts(
                title="Ambassadeurs de la plateforme dans les lycées et centres de formation",
                summary=(
                    "Présentez la plateforme aux lycéens et aux stagiaires de la formation "
                    "professionnelle, et aidez-les à créer leur compte."
                ),
                description=(
                    "Nous voulons que la plateforme « Linatatawaa » devienne un pont entre les "
                    "jeunes et les structures qui proposent des missions de bénévolat dans toute "
                    "la wilaya. Nous cherchons des ambassadeurs, étudiants ou bénévoles "
                    "expérimentés, pour animer de courtes séances de présentation dans les lycées "
                    "et les centres de formation professionnelle, accompagner les inscriptions, "
                    "puis répondre aux questions sur les pages de l’association. Une formation à "
                    "la communication et à l’animation est proposée avant le début des tournées."
                ),
            ),
            "en": OpportunityTexts(
                title="Platform ambassadors in secondary schools and training centres",
                summary=(
                    "Introduce the platform to pupils and vocational trainees, and help them "
                    "create their accounts."
                ),
                description=(
                    "We want the Linatatawaa platform to connect young people with the "
                    "organisations offering volunteering opportunities across the province. We "
                    "are looking for ambassadors, students or experienced volunteers, to lead "
                    "short introductory sessions in secondary schools and vocational training "
                    "centres, help with sign-ups and then answer questions on the association's "
                    "social media pages. Ambassadors receive training in communication and "
                    "facilitation before the visits begin."
                ),
            ),
        },
        city="Sétif",
        region="Sétif",
        latitude=36.1911,
        longitude=5.4137,
        starts_day=7,
        starts_hour=10,
        duration_hours=4,
        capacity=25,
        credited_hours=12,
        published_day=-20,
        contact_name="Sara Meziani",
        contact_email="ambassadeurs@lnatatawa.example.dz",
        contact_phone="+213 552 17 43 90",
    ),
    OpportunitySeed(
        key="setif-eulma-flood-cleanup",
        tenant="setif-youth",
        format="ONSITE",
        category="DISASTER_RESPONSE",
        skills=("LOGISTICS",),
        texts={
            "ar": OpportunityTexts(
                title="نداء استعجالي: تنظيف المنازل المتضررة من السيول بالعلمة",
                summary=(
                    "ساعد العائلات المتضررة من سيول الأمطار بالعلمة على إخراج الأوحال وتنظيف "
                    "منازلها."
                ),
                description=(
                    "تسببت الأمطار الطوفانية التي شهدتها مدينة العلمة في تسرب السيول إلى عشرات "
                    "المنازل بالأحياء المنخفضة. تتجند الجمعية بالتنسيق مع الحماية المدنية ومصالح "
                    "البلدية لمساعدة العائلات على إخراج الأوحال والأثاث المتضرر وتنظيف مساكنها، "
                    "وتوزيع الأغطية والأفرشة على الأكثر تضررا. يُرجى إحضار أحذية مطاطية وقفازات "
                    "إن أمكن، ونقطة التجمع أمام مقر البلدية على الساعة الثامنة صباحا."
                ),
            ),
        },
        city="El Eulma",
        region="Sétif",
        latitude=36.1525,
        longitude=5.6903,
        starts_day=-3,
        starts_hour=8,
        duration_hours=6,
        capacity=50,
        credited_hours=6,
        is_emergency=True,
        published_day=-3,
        contact_name="نسيم بلعيد",
        contact_email="urgence@lnatatawa.example.dz",
        contact_phone="+213 661 30 74 12",
    ),
    OpportunitySeed(
        key="setif-cfpa-school-desks",
        tenant="setif-youth",
        format="ONSITE",
        category="EDUCATION",
        skills=(),
        organization="setif-cfpa-eulma",
        texts={
            "ar": OpportunityTexts(
                title="ترميم طاولات المدارس الابتدائية مع متربصي التكوين المهني",
                summary=(
                    "ورشة تطوعية يرمم فيها متربصو النجارة واللحام طاولات وكراسي مدارس ابتدائية "
                    "بالعلمة."
                ),
                description=(
                    "بالتعاون مع مركز التكوين المهني والتمهين بالعلمة، يتطوع متربصو تخصصات "
                    "النجارة واللحام والدهن لترميم طاولات وكراسي عدد من المدارس الابتدائية "
                    "بالمنطقة. تجري الأشغال داخل ورشات المركز تحت إشراف الأساتذة المكوِّنين، ثم "
                    "تُعاد التجهيزات إلى المدارس في حفل بسيط. تُحتسب ساعات العمل في رصيد المتربص "
                    "على المنصة، وهي فرصة ليضع ما تعلمه في خدمة أطفال حيّه."
                ),
            ),
            "fr": OpportunityTexts(
                title="Rénovation de tables d’écoles primaires avec les stagiaires du CFPA",
                summary=(
                    "Un atelier solidaire où les stagiaires en menuiserie et en soudure remettent "
                    "en état le mobilier d’écoles primaires d’El Eulma."
                ),
                description=(
                    "Avec le centre de formation professionnelle et d’apprentissage d’El Eulma, "
                    "les stagiaires en menuiserie, soudure et peinture se mobilisent pour "
                    "remettre en état les tables et les chaises de plusieurs écoles primaires de "
                    "la région. Les travaux se déroulent dans les ateliers du centre sous la "
                    "supervision des formateurs, puis le mobilier est rendu aux écoles lors d’une "
                    "petite cérémonie. Les heures effectuées sont créditées sur le compte du "
                    "stagiaire : l’occasion de mettre son savoir-faire au service des enfants de "
                    "son quartier."
                ),
            ),
            "en": OpportunityTexts(
                title="Repairing primary school desks with vocational trainees",
                summary=(
                    "A volunteer workshop where carpentry and welding trainees restore desks and "
                    "chairs for primary schools in El Eulma."
                ),
                description=(
                    "With the El Eulma vocational training centre, trainees in carpentry, welding "
                    "and painting are restoring desks and chairs from several primary schools in "
                    "the area. The work takes place in the centre's workshops under their "
                    "instructors' supervision, and the furniture is handed back to the schools at "
                    "a small ceremony. Hours are credited to each trainee's account: a chance to "
                    "put new skills to work for the children of their own neighbourhood."
                ),
            ),
        },
        city="El Eulma",
        region="Sétif",
        latitude=36.1525,
        longitude=5.6903,
        starts_day=14,
        starts_hour=8,
        duration_hours=4,
        capacity=20,
        credited_hours=16,
        published_day=-11,
        contact_name="عمار بوزيدي",
        contact_email="cfpa.eulma@lnatatawa.example.dz",
        contact_phone="+213 36 87 25 14",
    ),
    OpportunitySeed(
        key="setif-iftar-draft",
        tenant="setif-youth",
        format="ONSITE",
        category="RELIEF_DISTRIBUTION",
        skills=("COOKING",),
        texts={
            "ar": OpportunityTexts(
                title="مطعم الرحمة لإفطار الصائمين بسطيف",
                summary=(
                    "تحضير وتقديم وجبات الإفطار لعابري السبيل والعائلات المعوزة طيلة شهر رمضان."
                ),
                description=(
                    "نعمل على تجهيز مطعم الرحمة بالتنسيق مع البلدية والمحسنين. سيُحدَّد لاحقا "
                    "مكان المطعم وعدد المناوبات اليومية وتوزيع الفرق بين المطبخ والتقديم "
                    "والتنظيف. (يُستكمل بعد اجتماع المكتب.)"
                ),
            ),
        },
        city="Sétif",
        region="Sétif",
        latitude=36.1911,
        longitude=5.4137,
        capacity=30,
        status="DRAFT",
        published_day=-1,
        contact_name="نسيم بلعيد",
        contact_email="contact@lnatatawa.example.dz",
        contact_phone="+213 36 84 12 55",
    ),
)

_EG_OPPORTUNITIES: tuple[OpportunitySeed, ...] = (
    OpportunitySeed(
        key="eg-sohag-winter-blankets",
        tenant="eg-crescent",
        format="ONSITE",
        category="RELIEF_DISTRIBUTION",
        skills=("LOGISTICS", "DATA_ENTRY", "DRIVING"),
        campaign="eg-warm-winter",
        texts={
            "ar": OpportunityTexts(
                title="توزيع البطاطين ضمن حملة «شتاء دافئ» في سوهاج",
                summary=(
                    "شارك في توزيع البطاطين والملابس الشتوية على الأسر الأولى بالرعاية في قرى "
                    "محافظة سوهاج."
                ),
                description=(
                    "ضمن حملة «شتاء دافئ»، يوزع الهلال الأحمر المصري البطاطين والملابس الشتوية "
                    "على الأسر الأولى بالرعاية في عدد من قرى محافظة سوهاج، وفق قوائم أعدتها "
                    "الجمعيات الأهلية المحلية. يتولى المتطوعون تجهيز الحزم في المخزن، والتحقق من "
                    "بيانات المستفيدين، وتنظيم الطوابير في نقاط التوزيع بما يحفظ كرامة الأسر. "
                    "يبدأ العمل في السابعة صباحًا، ويتوفر النقل من مقر الفرع."
                ),
            ),
            "en": OpportunityTexts(
                title="Blanket distribution in Sohag – Warm Winter campaign",
                summary=(
                    "Help distribute blankets and winter clothing to the most vulnerable families "
                    "in villages across Sohag governorate."
                ),
                description=(
                    "As part of the Warm Winter campaign, the Egyptian Red Crescent is "
                    "distributing blankets and winter clothing to the most vulnerable families in "
                    "several villages of Sohag governorate, using lists drawn up by local "
                    "community associations. Volunteers pack the kits at the warehouse, check "
                    "beneficiary details and manage queues at distribution points in a way that "
                    "respects families' dignity. Work starts at 7 a.m.; transport from the branch "
                    "is provided."
                ),
            ),
            "fr": OpportunityTexts(
                title="Distribution de couvertures à Sohag – campagne « Hiver au chaud »",
                summary=(
                    "Participez à la distribution de couvertures et de vêtements d’hiver aux "
                    "familles les plus vulnérables des villages de Sohag."
                ),
                description=(
                    "Dans le cadre de la campagne « Hiver au chaud », le Croissant-Rouge égyptien "
                    "distribue des couvertures et des vêtements d’hiver aux familles les plus "
                    "vulnérables de plusieurs villages du gouvernorat de Sohag, à partir de "
                    "listes établies par les associations locales. Les bénévoles préparent les "
                    "colis à l’entrepôt, vérifient les informations des bénéficiaires et "
                    "organisent les files d’attente aux points de distribution, dans le respect "
                    "de la dignité des familles. Début des activités à 7 h ; le transport depuis "
                    "la section est assuré."
                ),
            ),
        },
        city="Sohag",
        region="Sohag Governorate",
        latitude=26.5591,
        longitude=31.6957,
        starts_day=16,
        starts_hour=7,
        duration_hours=8,
        capacity=45,
        credited_hours=8,
        published_day=-12,
        contact_name="محمود عبد الحليم",
        contact_email="sohag@volunteer.example.eg",
        contact_phone="+20 93 460 2718",
    ),
    OpportunitySeed(
        key="eg-alex-school-first-aid",
        tenant="eg-crescent",
        format="ONSITE",
        category="FIRST_AID",
        skills=("FIRST_AID_CERTIFIED", "TEACHING"),
        organization="eg-alex-branch",
        texts={
            "ar": OpportunityTexts(
                title="تعليم أساسيات الإسعافات الأولية لتلاميذ مدارس الإسكندرية",
                summary=(
                    "قدّم ورشًا تفاعلية قصيرة تعلّم التلاميذ كيف يطلبون المساعدة ويتعاملون مع "
                    "الإصابات البسيطة."
                ),
                description=(
                    "ينفذ فرع الهلال الأحمر المصري بالإسكندرية برنامجًا لتعليم أساسيات الإسعافات "
                    "الأولية في المدارس الابتدائية والإعدادية بحي المنتزه. تستمر كل ورشة ٤٥ دقيقة "
                    "وتعتمد على التمثيل والألعاب: الاتصال بالإسعاف على الرقم ١٢٣، والتعامل مع "
                    "الجروح والحروق البسيطة، ووضع الإفاقة. يُشترط أن يحمل المتطوع شهادة إسعافات "
                    "أولية سارية، وأن يحضر جلسة تحضيرية مع مدرب الفرع."
                ),
            ),
            "en": OpportunityTexts(
                title="Teaching first aid basics in Alexandria schools",
                summary=(
                    "Run short, interactive workshops that teach pupils how to call for help and "
                    "deal with minor injuries."
                ),
                description=(
                    "The Egyptian Red Crescent's Alexandria branch runs a programme teaching "
                    "first aid basics in primary and preparatory schools in the Montaza district. "
                    "Each 45-minute workshop relies on role play and games: calling an ambulance "
                    "on 123, caring for minor cuts and burns, and the recovery position. "
                    "Volunteers must hold a valid first aid certificate and attend a preparation "
                    "session with the branch trainer."
                ),
            ),
        },
        city="Alexandria",
        region="Alexandria Governorate",
        latitude=31.2001,
        longitude=29.9187,
        starts_day=10,
        starts_hour=9,
        duration_hours=4,
        capacity=12,
        credited_hours=4,
        published_day=-18,
        contact_name="نهى الشريف",
        contact_email="alex@volunteer.example.eg",
        contact_phone="+20 3 424 8195",
    ),
    OpportunitySeed(
        key="eg-arish-aid-convoys",
        tenant="eg-crescent",
        format="ONSITE",
        category="LOGISTICS",
        skills=("LOGISTICS", "DRIVING", "DATA_ENTRY"),
        texts={
            "ar": OpportunityTexts(
                title="دعم تجهيز قوافل المساعدات الإنسانية في العريش",
                summary=(
                    "انضم إلى فرق المخازن في العريش لفرز المساعدات الإنسانية وتوثيقها وتحميلها "
                    "على الشاحنات."
                ),
                description=(
                    "يستقبل المركز اللوجستي للهلال الأحمر المصري في العريش يوميًا شحنات من "
                    "المساعدات الإنسانية تحتاج إلى فرز وتوثيق وإعادة تعبئة قبل تحميلها على "
                    "الشاحنات. نحتاج إلى متطوعين قادرين على العمل في مناوبات لا تقل عن ثلاثة أيام "
                    "متتالية، مع توفير الإقامة والوجبات. تُعد الخبرة في إدارة المخازن أو إدخال "
                    "البيانات ميزة، وتُعطى الأولوية لسكان شمال سيناء والمحافظات القريبة."
                ),
            ),
            "en": OpportunityTexts(
                title="Preparing humanitarian aid convoys in El Arish",
                summary=(
                    "Join the warehouse teams in El Arish sorting and recording humanitarian aid "
                    "and loading trucks."
                ),
                description=(
                    "Every day the Egyptian Red Crescent's logistics hub in El Arish receives "
                    "humanitarian aid shipments that must be sorted, recorded and repacked before "
                    "they are loaded onto trucks. We need volunteers able to work shifts of at "
                    "least three consecutive days; accommodation and meals are provided. "
                    "Experience in warehouse management or data entry is an advantage, and "
                    "priority goes to residents of North Sinai and nearby governorates."
                ),
            ),
            "fr": OpportunityTexts(
                title="Préparation des convois d’aide humanitaire à El-Arich",
                summary=(
                    "Rejoignez les équipes d’entrepôt d’El-Arich pour trier et enregistrer l’aide "
                    "humanitaire et charger les camions."
                ),
                description=(
                    "Chaque jour, la plateforme logistique du Croissant-Rouge égyptien à El-Arich "
                    "reçoit des cargaisons d’aide humanitaire qu’il faut trier, enregistrer et "
                    "reconditionner avant leur chargement. Nous recherchons des bénévoles "
                    "disponibles pour des rotations d’au moins trois jours consécutifs ; "
                    "l’hébergement et les repas sont pris en charge. Une expérience en gestion "
                    "d’entrepôt ou en saisie de données est un atout, et la priorité est donnée "
                    "aux habitants du Nord-Sinaï et des gouvernorats voisins."
                ),
            ),
        },
        city="El Arish",
        region="North Sinai Governorate",
        latitude=31.1313,
        longitude=33.7984,
        starts_hour=7,
        duration_hours=12,
        is_ongoing=True,
        capacity=100,
        credited_hours=36,
        is_emergency=True,
        published_day=-20,
        contact_name="كريم الشاذلي",
        contact_email="arish.logistics@volunteer.example.eg",
        contact_phone="+20 100 518 2046",
    ),
    OpportunitySeed(
        key="eg-aswan-sudan-arrivals",
        tenant="eg-crescent",
        format="ONSITE",
        category="REFUGEE_SUPPORT",
        skills=("PSYCHOSOCIAL_SUPPORT", "FIRST_AID_CERTIFIED"),
        texts={
            "ar": OpportunityTexts(
                title="استقبال الوافدين من السودان ودعمهم في أسوان",
                summary=(
                    "ساعد في تقديم المياه والإسعافات الأولية والدعم النفسي للأسر القادمة من "
                    "السودان عبر أسوان."
                ),
                description=(
                    "تصل إلى أسوان أسر قادمة من السودان بعد رحلات طويلة ومنهكة، بينهم أطفال وكبار "
                    "سن يحتاجون إلى رعاية عاجلة. ينتشر متطوعو الهلال الأحمر المصري في نقاط "
                    "الاستقبال لتوزيع المياه والوجبات، وتقديم الإسعافات الأولية، وتوجيه الأسر إلى "
                    "الخدمات المتاحة، ومساعدة من فقد الاتصال بذويه عبر خدمة إعادة الروابط "
                    "العائلية. نرحب خاصة بمن تلقى تدريبًا في الدعم النفسي الاجتماعي أو يجيد "
                    "التعامل مع الأطفال."
                ),
            ),
            "en": OpportunityTexts(
                title="Welcoming and supporting arrivals from Sudan in Aswan",
                summary=(
                    "Help provide water, first aid and psychosocial support to families arriving "
                    "from Sudan through Aswan."
                ),
                description=(
                    "Families from Sudan reach Aswan after long, exhausting journeys, among them "
                    "children and older people who need care quickly. Egyptian Red Crescent "
                    "volunteers staff the reception points, handing out water and meals, giving "
                    "first aid, directing families to available services and helping those who "
                    "have lost contact with relatives through the Restoring Family Links service. "
                    "Volunteers trained in psychosocial support or experienced with children are "
                    "especially welcome."
                ),
            ),
            "fr": OpportunityTexts(
                title="Accueil et soutien des personnes arrivant du Soudan à Assouan",
                summary=(
                    "Participez à l’accueil des familles arrivant du Soudan : eau, premiers "
                    "secours et soutien psychosocial."
                ),
                description=(
                    "Des familles venues du Soudan arrivent à Assouan après des trajets longs et "
                    "épuisants ; parmi elles, des enfants et des personnes âgées qui ont besoin "
                    "de soins rapides. Les bénévoles du Croissant-Rouge égyptien assurent une "
                    "présence aux points d’accueil : distribution d’eau et de repas, premiers "
                    "secours, orientation vers les services disponibles et aide au rétablissement "
                    "des liens familiaux pour ceux qui ont perdu la trace de leurs proches. Les "
                    "personnes formées au soutien psychosocial ou habituées à travailler avec des "
                    "enfants sont particulièrement attendues."
                ),
            ),
        },
        city="Aswan",
        region="Aswan Governorate",
        latitude=24.0889,
        longitude=32.8998,
        starts_hour=8,
        duration_hours=6,
        is_ongoing=True,
        capacity=40,
        credited_hours=24,
        published_day=-47,
        contact_name="منى عثمان",
        contact_email="aswan@volunteer.example.eg",
        contact_phone="+20 97 231 4580",
    ),
    OpportunitySeed(
        key="eg-cairo-univ-health-day",
        tenant="eg-crescent",
        format="ONSITE",
        category="HEALTH_AWARENESS",
        skills=("NURSING", "EVENT_ORGANIZING"),
        organization="eg-cairo-univ",
        texts={
            "ar": OpportunityTexts(
                title="يوم للكشف عن السكر والضغط والتوعية بهما في جامعة القاهرة",
                summary=(
                    "شارك في يوم توعوي بالحرم الجامعي لقياس السكر وضغط الدم وتقديم نصائح الوقاية."
                ),
                description=(
                    "ينظم الهلال الأحمر المصري بالتعاون مع كلية الطب بجامعة القاهرة يومًا توعويًا "
                    "في الحرم الجامعي للكشف المبكر عن ارتفاع السكر وضغط الدم بين الطلاب "
                    "والعاملين. يتولى طلاب الكليات الطبية القياسات تحت إشراف الأطباء، بينما يتولى "
                    "باقي المتطوعين التنظيم وتوزيع المطبوعات وشرح النصائح الغذائية. نتوقع أكثر من "
                    "٥٠٠ زائر خلال اليوم."
                ),
            ),
            "en": OpportunityTexts(
                title="Diabetes and blood pressure screening day at Cairo University",
                summary=(
                    "Take part in an on-campus health day measuring blood sugar and blood "
                    "pressure and sharing prevention advice."
                ),
                description=(
                    "Together with Cairo University's Faculty of Medicine, the Egyptian Red "
                    "Crescent is holding a health day on campus to screen students and staff for "
                    "high blood sugar and high blood pressure. Medical students take the "
                    "measurements under doctors' supervision, while other volunteers handle the "
                    "organisation, hand out leaflets and explain dietary advice. We expect more "
                    "than 500 visitors over the day."
                ),
            ),
            "fr": OpportunityTexts(
                title=(
                    "Journée de dépistage du diabète et de l’hypertension à l’Université du Caire"
                ),
                summary=(
                    "Participez à une journée de santé sur le campus : mesure de la glycémie et "
                    "de la tension, conseils de prévention."
                ),
                description=(
                    "Avec la faculté de médecine de l’Université du Caire, le Croissant-Rouge "
                    "égyptien organise sur le campus une journée de dépistage du diabète et de "
                    "l’hypertension pour les étudiants et le personnel. Les étudiants en médecine "
                    "effectuent les mesures sous la supervision de médecins ; les autres "
                    "bénévoles assurent l’organisation, distribuent les brochures et expliquent "
                    "les conseils alimentaires. Plus de 500 visiteurs sont attendus dans la "
                    "journée."
                ),
            ),
        },
        city="Giza",
        region="Giza Governorate",
        latitude=30.0276,
        longitude=31.2101,
        starts_day=21,
        starts_hour=10,
        duration_hours=6,
        capacity=30,
        credited_hours=6,
        published_day=-10,
        contact_name="د. هبة منصور",
        contact_email="cairo@volunteer.example.eg",
        contact_phone="+20 2 2575 3108",
    ),
    OpportunitySeed(
        key="eg-winter-beneficiary-data",
        tenant="eg-crescent",
        format="REMOTE",
        category="DIGITAL",
        skills=("DATA_ENTRY",),
        campaign="eg-warm-winter",
        texts={
            "ar": OpportunityTexts(
                title="إدخال بيانات المستفيدين من حملة «شتاء دافئ» عن بعد",
                summary=(
                    "ساعد من بيتك في رقمنة استمارات المستفيدين حتى تصل المساعدات إلى مستحقيها دون "
                    "تكرار."
                ),
                description=(
                    "تصل إلى غرفة عمليات الحملة يوميًا مئات الاستمارات الورقية المصوَّرة من فروع "
                    "المحافظات. يُدخل المتطوع بياناتها في قاعدة البيانات ويراجع الأسماء والأرقام "
                    "القومية لتجنب صرف المساعدة مرتين للأسرة نفسها. يتطلب العمل جهاز كمبيوتر "
                    "واتصالًا مستقرًا بالإنترنت، ويوقّع المتطوع تعهدًا بالحفاظ على سرية بيانات "
                    "المستفيدين."
                ),
            ),
            "en": OpportunityTexts(
                title="Remote data entry for Warm Winter beneficiaries",
                summary=(
                    "Help digitise beneficiary forms from home so that aid reaches the right "
                    "families without duplication."
                ),
                description=(
                    "Every day the campaign's operations room receives hundreds of scanned paper "
                    "forms from governorate branches. Volunteers enter them into the database and "
                    "check names and national ID numbers so that no family is served twice. You "
                    "need a computer and a stable internet connection, and every volunteer signs "
                    "a pledge to keep beneficiaries' data confidential."
                ),
            ),
        },
        is_ongoing=True,
        capacity=25,
        credited_hours=20,
        published_day=-14,
        contact_name="محمود عبد الحليم",
        contact_email="data@volunteer.example.eg",
        contact_phone="+20 2 2575 3114",
    ),
)

# The Saudi Red Crescent Authority publishes in Arabic and English only.
_SA_OPPORTUNITIES: tuple[OpportunitySeed, ...] = (
    OpportunitySeed(
        key="sa-makkah-umrah-first-aid",
        tenant="sa-crescent",
        format="ONSITE",
        category="FIRST_AID",
        skills=("FIRST_AID_CERTIFIED", "NURSING"),
        organization="sa-makkah-branch",
        texts={
            "ar": OpportunityTexts(
                title="مسعف متطوع في المسجد الحرام خلال موسم العمرة",
                summary=(
                    "انضم إلى الفرق الإسعافية التطوعية داخل المسجد الحرام وساحاته في أوقات "
                    "الذروة."
                ),
                description=(
                    "مع تزايد أعداد المعتمرين، تعزز هيئة الهلال الأحمر السعودي بمنطقة مكة المكرمة "
                    "وجودها في المسجد الحرام والساحات المحيطة به بفرق إسعافية تطوعية. يعمل "
                    "المتطوع ضمن فريق يقوده مسعف رسمي، فيقدم الإسعافات الأولية للحالات البسيطة "
                    "ويبلّغ عن الحالات التي تستدعي النقل الإسعافي. يشترط أن يكون المتطوع قد اجتاز "
                    "دورة الإسعافات الأولية المعتمدة من الهيئة، وأن يلتزم بمناوبة مدتها ست ساعات."
                ),
            ),
            "en": OpportunityTexts(
                title="Volunteer first aider at the Grand Mosque during Umrah season",
                summary=(
                    "Join the volunteer first aid teams inside the Grand Mosque and its "
                    "courtyards at peak times."
                ),
                description=(
                    "As the number of Umrah pilgrims grows, the Saudi Red Crescent Authority in "
                    "Makkah Region reinforces its presence in the Grand Mosque and the "
                    "surrounding courtyards with volunteer first aid teams. Each volunteer works "
                    "in a team led by a staff paramedic, treats minor cases and reports those "
                    "that need an ambulance transfer. Volunteers must have passed the Authority's "
                    "accredited first aid course and commit to a six-hour shift."
                ),
            ),
        },
        city="Makkah",
        region="Makkah Region",
        latitude=21.3891,
        longitude=39.8579,
        starts_day=5,
        starts_hour=16,
        duration_hours=6,
        capacity=60,
        credited_hours=6,
        published_day=-15,
        contact_name="خالد الزهراني",
        contact_email="makkah@volunteer.example.sa",
        contact_phone="+966 12 545 3310",
    ),
    OpportunitySeed(
        key="sa-jeddah-rain-readiness",
        tenant="sa-crescent",
        format="ONSITE",
        category="DISASTER_RESPONSE",
        skills=("FIRST_AID_CERTIFIED", "DRIVING"),
        texts={
            "ar": OpportunityTexts(
                title="جاهزية المتطوعين للحالة المطرية المتوقعة على جدة",
                summary=(
                    "سجّل في فرق الجاهزية لمساندة الفرق الإسعافية خلال الحالة المطرية التي حذّر "
                    "منها المركز الوطني للأرصاد."
                ),
                description=(
                    "حذّر المركز الوطني للأرصاد من أمطار غزيرة قد تؤدي إلى جريان السيول في عدد من "
                    "أحياء جدة. ترفع هيئة الهلال الأحمر السعودي جاهزيتها، وتدعو المتطوعين "
                    "المدرَّبين إلى التسجيل في فرق مساندة تتمركز في المراكز الإسعافية لتنظيم "
                    "البلاغات ونقل الإمدادات وتقديم الإسعافات الأولية عند الحاجة. لن يُستدعى "
                    "المتطوع إلا بحسب تطورات الحالة، ولا يُطلب من أي متطوع دخول مناطق تجمع "
                    "المياه."
                ),
            ),
            "en": OpportunityTexts(
                title="Volunteer readiness for the rain expected in Jeddah",
                summary=(
                    "Sign up for standby teams supporting ambulance crews during the heavy rain "
                    "forecast by the National Center for Meteorology."
                ),
                description=(
                    "The National Center for Meteorology has warned of heavy rain that could "
                    "cause flash flooding in several Jeddah districts. The Saudi Red Crescent "
                    "Authority is raising its readiness and invites trained volunteers to join "
                    "support teams based at ambulance stations, where they will help manage "
                    "calls, move supplies and give first aid when needed. Volunteers are called "
                    "in only as the situation requires, and no one is ever asked to enter flooded "
                    "areas."
                ),
            ),
        },
        city="Jeddah",
        region="Makkah Region",
        latitude=21.4858,
        longitude=39.1925,
        starts_day=2,
        starts_hour=12,
        duration_hours=12,
        capacity=40,
        credited_hours=12,
        is_emergency=True,
        published_day=-2,
        contact_name="خالد الزهراني",
        contact_email="jeddah.ops@volunteer.example.sa",
        contact_phone="+966 12 651 0997",
    ),
    OpportunitySeed(
        key="sa-dammam-school-cpr",
        tenant="sa-crescent",
        format="ONSITE",
        category="FIRST_AID",
        skills=("FIRST_AID_CERTIFIED", "TEACHING"),
        organization="sa-dammam-school",
        texts={
            "ar": OpportunityTexts(
                title="تدريب طلاب الثانوية على الإنعاش القلبي الرئوي في الدمام",
                summary=(
                    "ساعد المدربين في تعليم طلاب المرحلة الثانوية الإنعاش القلبي الرئوي باستخدام "
                    "الدمى التدريبية."
                ),
                description=(
                    "ينفذ الهلال الأحمر السعودي بالمنطقة الشرقية أيامًا تدريبية في المدارس "
                    "الثانوية لتعليم الطلاب الإنعاش القلبي الرئوي واستخدام جهاز الصدمات "
                    "الكهربائية الآلي. يساعد المتطوع المدرب الرئيسي في تجهيز الدمى ومتابعة "
                    "مجموعات صغيرة من ٦ طلاب وتصحيح وضعيات الضغط على الصدر. يشترط أن يحمل المتطوع "
                    "شهادة سارية في الإنعاش القلبي الرئوي."
                ),
            ),
            "en": OpportunityTexts(
                title="Teaching CPR to secondary school students in Dammam",
                summary="Help trainers teach secondary school students CPR on training manikins.",
                description=(
                    "The Saudi Red Crescent in the Eastern Province runs training days in "
                    "secondary schools to teach students cardiopulmonary resuscitation and how to "
                    "use an automated external defibrillator. Volunteers help the lead trainer "
                    "set up the manikins, coach small groups of six students and correct their "
                    "chest compression technique. A valid CPR certificate is required."
                ),
            ),
        },
        city="Dammam",
        region="Eastern Province",
        latitude=26.4207,
        longitude=50.0888,
        starts_day=30,
        starts_hour=8,
        duration_hours=5,
        capacity=10,
        credited_hours=5,
        published_day=-5,
        contact_name="فهد الدوسري",
        contact_email="eastern@volunteer.example.sa",
        contact_phone="+966 13 834 2271",
    ),
    OpportunitySeed(
        key="sa-riyadh-997-awareness",
        tenant="sa-crescent",
        format="ONSITE",
        category="HEALTH_AWARENESS",
        skills=("EVENT_ORGANIZING", "SOCIAL_MEDIA"),
        texts={
            "ar": OpportunityTexts(
                title="ركن توعوي في الرياض: متى تتصل بـ٩٩٧؟",
                summary=(
                    "عرّف زوار المراكز التجارية بالحالات التي تستدعي طلب الإسعاف وبطريقة استخدام "
                    "تطبيق «أسعفني»."
                ),
                description=(
                    "يلاحظ المسعفون أن كثيرًا من البلاغات تصل متأخرة أو بمعلومات ناقصة عن الموقع. "
                    "تنظم هيئة الهلال الأحمر السعودي ركنًا توعويًا في عدد من المراكز التجارية "
                    "بالرياض لتعريف الزوار بالحالات التي تستدعي الاتصال بـ٩٩٧، وبكيفية وصف الموقع "
                    "بدقة، وبمزايا تطبيق «أسعفني». يتولى المتطوعون الحوار مع الزوار وتوزيع "
                    "المطبوعات وتسجيل الاستفسارات على فترتين مسائيتين."
                ),
            ),
            "en": OpportunityTexts(
                title="Awareness stand in Riyadh: when should you call 997?",
                summary=(
                    "Show shopping-centre visitors when to call an ambulance and how to use the "
                    "Asafni app."
                ),
                description=(
                    "Paramedics find that many calls come in late or with incomplete location "
                    "details. The Saudi Red Crescent Authority is running awareness stands in "
                    "several Riyadh shopping centres to explain when to call 997, how to describe "
                    "a location precisely and what the Asafni app can do. Volunteers talk with "
                    "visitors, hand out leaflets and note questions, over two evening shifts."
                ),
            ),
        },
        city="Riyadh",
        region="Riyadh Region",
        latitude=24.7136,
        longitude=46.6753,
        starts_day=11,
        starts_hour=17,
        duration_hours=5,
        capacity=16,
        credited_hours=10,
        published_day=-7,
        contact_name="نورة السبيعي",
        contact_email="riyadh@volunteer.example.sa",
        contact_phone="+966 11 478 9930",
    ),
    OpportunitySeed(
        key="sa-motion-graphics",
        tenant="sa-crescent",
        format="REMOTE",
        category="DIGITAL",
        skills=("GRAPHIC_DESIGN", "VIDEO_EDITING"),
        texts={
            "ar": OpportunityTexts(
                title="إنتاج فيديوهات موشن جرافيك توعوية",
                summary=(
                    "حوّل نصوص التوعية الإسعافية إلى مقاطع رسوم متحركة قصيرة تُنشر على حسابات "
                    "الهيئة."
                ),
                description=(
                    "لدى هيئة الهلال الأحمر السعودي مجموعة من النصوص التوعوية المعتمدة حول "
                    "الإسعافات الأولية والسلامة المنزلية وسلامة الطرق، وتحتاج إلى متطوعين "
                    "لتحويلها إلى مقاطع موشن جرافيك لا تتجاوز ستين ثانية. يحصل المتطوع على النص "
                    "والتعليق الصوتي والهوية البصرية، ويراجع فريق الاتصال المؤسسي كل مقطع قبل "
                    "نشره. يمكنك العمل من أي مدينة وفي الوقت الذي يناسبك."
                ),
            ),
            "en": OpportunityTexts(
                title="Produce motion graphics awareness videos",
                summary=(
                    "Turn first aid awareness scripts into short animated clips for the "
                    "Authority's social media accounts."
                ),
                description=(
                    "The Saudi Red Crescent Authority has a set of approved awareness scripts on "
                    "first aid, home safety and road safety, and needs volunteers to turn them "
                    "into motion graphics clips of no more than sixty seconds. You receive the "
                    "script, the voice-over and the visual identity, and the corporate "
                    "communication team reviews each clip before publication. You can work from "
                    "any city, whenever suits you."
                ),
            ),
        },
        is_ongoing=True,
        capacity=12,
        credited_hours=16,
        published_day=-33,
        contact_name="نورة السبيعي",
        contact_email="media@volunteer.example.sa",
        contact_phone="+966 11 478 9935",
    ),
)

# Several Lebanese records are written in French first, as the society often does.
_LB_OPPORTUNITIES: tuple[OpportunitySeed, ...] = (
    OpportunitySeed(
        key="lb-usj-blood-drive",
        tenant="lb-redcross",
        format="ONSITE",
        category="BLOOD_DONATION",
        skills=("EVENT_ORGANIZING", "NURSING"),
        organization="lb-usj",
        campaign="lb-blood-saves",
        texts={
            "fr": OpportunityTexts(
                title="Collecte de sang à l’Université Saint-Joseph",
                summary=(
                    "Aidez à accueillir les donneurs et à faire tourner la collecte organisée sur "
                    "le campus des sciences médicales."
                ),
                description=(
                    "Dans le cadre de la campagne « Ton sang sauve des vies », le Service de "
                    "transfusion sanguine de la Croix-Rouge libanaise organise une collecte sur "
                    "le campus des sciences médicales de l’USJ, rue de Damas. Les bénévoles "
                    "accueillent étudiants et personnel, les aident à remplir le questionnaire "
                    "prédon et veillent à ce que chacun prenne une collation avant de repartir. "
                    "Les étudiants en santé peuvent être affectés à la surveillance post-don, "
                    "sous la responsabilité de l’équipe médicale."
                ),
            ),
            "ar": OpportunityTexts(
                title="حملة التبرع بالدم في جامعة القديس يوسف",
                summary="ساعد في استقبال المتبرعين وتنظيم حملة التبرع بالدم في حرم العلوم الطبية.",
                description=(
                    "ضمن حملة «دمك ينقذ حياة»، تنظم دائرة نقل الدم في الصليب الأحمر اللبناني حملة "
                    "للتبرع بالدم في حرم العلوم الطبية التابع لجامعة القديس يوسف على طريق الشام. "
                    "يستقبل المتطوعون الطلاب والعاملين ويساعدونهم في تعبئة استمارة ما قبل التبرع، "
                    "ويتأكدون من أن كل متبرع تناول وجبة خفيفة قبل المغادرة. يمكن لطلاب الاختصاصات "
                    "الصحية المشاركة في مراقبة المتبرعين بعد التبرع تحت إشراف الفريق الطبي."
                ),
            ),
            "en": OpportunityTexts(
                title="Blood drive at Saint Joseph University",
                summary=(
                    "Help welcome donors and keep the blood drive on the medical sciences campus "
                    "running smoothly."
                ),
                description=(
                    "As part of the “Your blood saves lives” campaign, the Lebanese Red Cross "
                    "Blood Transfusion Service is holding a blood drive at USJ's medical sciences "
                    "campus on Damascus Road. Volunteers welcome students and staff, help them "
                    "fill in the pre-donation questionnaire and make sure everyone has a snack "
                    "before leaving. Health sciences students may be assigned to post-donation "
                    "monitoring under the medical team's supervision."
                ),
            ),
        },
        city="Beirut",
        region="Beirut",
        latitude=33.8938,
        longitude=35.5018,
        starts_day=8,
        starts_hour=9,
        duration_hours=7,
        capacity=14,
        credited_hours=7,
        published_day=-11,
        contact_name="Nadine Saliba",
        contact_email="sang@croixrouge.example.lb",
        contact_phone="+961 1 372 802",
    ),
    OpportunitySeed(
        key="lb-saida-shelters",
        tenant="lb-redcross",
        format="ONSITE",
        category="DISASTER_RESPONSE",
        skills=("PSYCHOSOCIAL_SUPPORT", "LOGISTICS", "COOKING"),
        texts={
            "ar": OpportunityTexts(
                title="دعم مراكز إيواء العائلات النازحة في صيدا",
                summary=(
                    "ساعد في تشغيل مراكز الإيواء المؤقتة للعائلات التي نزحت من القرى الحدودية في "
                    "الجنوب."
                ),
                description=(
                    "نزحت مئات العائلات من القرى الحدودية في جنوب لبنان ولجأت إلى مدارس ومبانٍ "
                    "عامة حُوّلت إلى مراكز إيواء في صيدا ومحيطها. يحتاج الصليب الأحمر اللبناني "
                    "إلى متطوعين لتوزيع الفرش والأغطية وسلال النظافة، وإعداد الوجبات، وتنظيم "
                    "أنشطة دعم نفسي اجتماعي للأطفال. يعمل المتطوعون في مناوبات يومية من ست ساعات، "
                    "ويحضرون قبل بدء العمل إحاطة حول السلامة وقواعد السلوك."
                ),
            ),
            "fr": OpportunityTexts(
                title="Soutien aux centres d’hébergement des familles déplacées à Saïda",
                summary=(
                    "Aidez à faire fonctionner les centres d’hébergement provisoires des familles "
                    "déplacées des villages frontaliers du Sud."
                ),
                description=(
                    "Des centaines de familles ont fui les villages frontaliers du Sud-Liban et "
                    "ont trouvé refuge dans des écoles et des bâtiments publics transformés en "
                    "centres d’hébergement à Saïda et dans ses environs. La Croix-Rouge libanaise "
                    "a besoin de volontaires pour distribuer matelas, couvertures et kits "
                    "d’hygiène, préparer les repas et animer des activités de soutien "
                    "psychosocial pour les enfants. Les volontaires travaillent par rotations "
                    "quotidiennes de six heures, après un briefing sur la sécurité et le code de "
                    "conduite."
                ),
            ),
            "en": OpportunityTexts(
                title="Supporting shelters for displaced families in Saida",
                summary=(
                    "Help run temporary shelters for families displaced from border villages in "
                    "the south."
                ),
                description=(
                    "Hundreds of families have fled border villages in South Lebanon and taken "
                    "refuge in schools and public buildings turned into shelters in and around "
                    "Saida. The Lebanese Red Cross needs volunteers to distribute mattresses, "
                    "blankets and hygiene kits, prepare meals and run psychosocial activities for "
                    "children. Volunteers work six-hour daily shifts and attend a briefing on "
                    "safety and the code of conduct before they start."
                ),
            ),
        },
        city="Saida",
        region="South Lebanon",
        latitude=33.5571,
        longitude=35.3729,
        starts_day=-6,
        starts_hour=8,
        duration_hours=6,
        capacity=50,
        credited_hours=6,
        is_emergency=True,
        published_day=-7,
        contact_name="علي حمود",
        contact_email="saida@croixrouge.example.lb",
        contact_phone="+961 7 721 904",
    ),
    OpportunitySeed(
        key="lb-tripoli-ems-recruitment",
        tenant="lb-redcross",
        format="ONSITE",
        category="FIRST_AID",
        skills=("FIRST_AID_CERTIFIED", "DRIVING"),
        organization="lb-tripoli-station",
        texts={
            "fr": OpportunityTexts(
                title="Devenir secouriste volontaire au centre de Tripoli",
                summary=(
                    "Le centre de secours de Tripoli recrute une nouvelle promotion de "
                    "secouristes volontaires."
                ),
                description=(
                    "Le Service médical d’urgence de la Croix-Rouge libanaise repose presque "
                    "entièrement sur des volontaires. Le centre de Tripoli ouvre une nouvelle "
                    "promotion : formation initiale de plusieurs semaines, le week-end, puis "
                    "gardes encadrées à bord des ambulances. Les candidats doivent avoir au moins "
                    "18 ans, assurer au minimum deux gardes par mois et réussir l’entretien ainsi "
                    "que l’examen final."
                ),
            ),
            "ar": OpportunityTexts(
                title="كن مسعفًا متطوعًا في مركز طرابلس",
                summary="يفتح مركز طرابلس للإسعاف باب الانتساب لدفعة جديدة من المسعفين المتطوعين.",
                description=(
                    "تعتمد الخدمات الطبية الطارئة في الصليب الأحمر اللبناني بشكل شبه كامل على "
                    "المتطوعين. يستقبل مركز طرابلس دفعة جديدة تبدأ بتدريب أولي لعدة أسابيع في "
                    "عطلة نهاية الأسبوع، تليه مناوبات على متن سيارات الإسعاف بإشراف مسعفين ذوي "
                    "خبرة. يشترط ألا يقل عمر المتقدم عن 18 سنة، وأن يلتزم بمناوبتين شهريًا على "
                    "الأقل، وأن ينجح في المقابلة والامتحان النهائي."
                ),
            ),
        },
        city="Tripoli",
        region="North Lebanon",
        latitude=34.4367,
        longitude=35.8497,
        starts_day=35,
        starts_hour=9,
        duration_hours=8,
        capacity=24,
        credited_hours=60,
        published_day=-25,
        contact_name="Georges Abi Khalil",
        contact_email="tripoli@croixrouge.example.lb",
        contact_phone="+961 6 430 215",
    ),
    OpportunitySeed(
        key="lb-beirut-school-pss",
        tenant="lb-redcross",
        format="ONSITE",
        category="PSYCHOSOCIAL",
        skills=("PSYCHOSOCIAL_SUPPORT", "TEACHING"),
        texts={
            "ar": OpportunityTexts(
                title="أنشطة دعم نفسي اجتماعي للأطفال في مدارس بيروت",
                summary=(
                    "نشّط ألعابًا وأنشطة تعبيرية تساعد الأطفال الذين عاشوا النزوح على استعادة شيء "
                    "من الطمأنينة."
                ),
                description=(
                    "تستضيف مدارس رسمية عدة في بيروت أطفالًا نزحوا مع عائلاتهم، ويعاني كثير منهم "
                    "من القلق واضطراب النوم. ينظم فريق الدعم النفسي الاجتماعي في الصليب الأحمر "
                    "اللبناني جلسات أسبوعية من الرسم والألعاب الجماعية والقصص، وفق برنامج مجرَّب "
                    "لهذه الفئة العمرية. يخضع المتطوعون لتدريب مدته يومان قبل البدء، ولا يُطلب "
                    "منهم تقديم أي علاج، بل الإصغاء وخلق مساحة آمنة."
                ),
            ),
            "fr": OpportunityTexts(
                title="Activités psychosociales pour les enfants dans les écoles de Beyrouth",
                summary=(
                    "Animez des jeux et des activités d’expression qui aident les enfants "
                    "déplacés à retrouver un peu de sérénité."
                ),
                description=(
                    "Plusieurs écoles publiques de Beyrouth accueillent des enfants déplacés avec "
                    "leurs familles, dont beaucoup souffrent d’anxiété et de troubles du sommeil. "
                    "L’équipe de soutien psychosocial de la Croix-Rouge libanaise anime chaque "
                    "semaine des séances de dessin, de jeux collectifs et de contes, selon un "
                    "programme éprouvé pour cette tranche d’âge. Les volontaires suivent deux "
                    "jours de formation avant de commencer ; on ne leur demande aucun acte "
                    "thérapeutique, mais d’écouter et de créer un espace sûr."
                ),
            ),
            "en": OpportunityTexts(
                title="Psychosocial activities for children in Beirut schools",
                summary=(
                    "Lead games and creative activities that help displaced children regain a "
                    "sense of calm."
                ),
                description=(
                    "Several public schools in Beirut are hosting children displaced with their "
                    "families, many of whom suffer from anxiety and disturbed sleep. The Lebanese "
                    "Red Cross psychosocial support team runs weekly sessions of drawing, group "
                    "games and storytelling, following a programme tested with this age group. "
                    "Volunteers complete two days of training before they start; they are not "
                    "asked to provide any therapy, only to listen and create a safe space."
                ),
            ),
        },
        city="Beirut",
        region="Beirut",
        latitude=33.8938,
        longitude=35.5018,
        starts_day=3,
        starts_hour=13,
        duration_hours=3,
        capacity=18,
        credited_hours=24,
        published_day=-16,
        contact_name="Maya Khoury",
        contact_email="pss@croixrouge.example.lb",
        contact_phone="+961 1 372 815",
    ),
    OpportunitySeed(
        key="lb-first-aid-trainers",
        tenant="lb-redcross",
        format="ONSITE",
        category="FIRST_AID",
        skills=("FIRST_AID_CERTIFIED", "TEACHING"),
        texts={
            "fr": OpportunityTexts(
                title="Formation de formateurs en premiers secours",
                summary=(
                    "Session destinée aux secouristes expérimentés qui souhaitent animer les "
                    "formations grand public."
                ),
                description=(
                    "Cette session prépare des secouristes confirmés à animer les formations aux "
                    "premiers secours destinées aux écoles, aux entreprises et aux municipalités. "
                    "Au programme : pédagogie pour adultes, gestion d’un groupe, évaluation des "
                    "participants et mises en situation filmées. Les inscriptions sont closes ; "
                    "une nouvelle session sera annoncée prochainement."
                ),
            ),
            "ar": OpportunityTexts(
                title="دورة إعداد مدربين في الإسعافات الأولية",
                summary=(
                    "دورة للمسعفين ذوي الخبرة الراغبين في تدريب عامة الناس على الإسعافات الأولية."
                ),
                description=(
                    "تؤهل هذه الدورة مسعفين متمرسين لتقديم دورات الإسعافات الأولية للمدارس "
                    "والشركات والبلديات. يتضمن البرنامج أساليب تعليم الكبار، وإدارة المجموعات، "
                    "وتقييم المشاركين، وتمارين محاكاة مصوَّرة. أُغلق باب التسجيل، وسيُعلن عن دورة "
                    "جديدة قريبًا."
                ),
            ),
            "en": OpportunityTexts(
                title="First aid training of trainers",
                summary=(
                    "A course for experienced first aiders who want to teach first aid to the "
                    "public."
                ),
                description=(
                    "This course prepares experienced first aiders to deliver first aid training "
                    "to schools, companies and municipalities. It covers adult learning, group "
                    "management, assessing participants and filmed simulation exercises. "
                    "Registration is closed; a new session will be announced soon."
                ),
            ),
        },
        city="Beirut",
        region="Beirut",
        latitude=33.8938,
        longitude=35.5018,
        starts_day=15,
        starts_hour=9,
        duration_hours=8,
        capacity=16,
        credited_hours=32,
        status="CLOSED",
        published_day=-40,
        contact_name="Georges Abi Khalil",
        contact_email="formation@croixrouge.example.lb",
        contact_phone="+961 1 372 820",
    ),
)

_MA_OPPORTUNITIES: tuple[OpportunitySeed, ...] = (
    OpportunitySeed(
        key="ma-amizmiz-winterization",
        tenant="ma-crescent",
        format="ONSITE",
        category="DISASTER_RESPONSE",
        skills=("LOGISTICS", "DRIVING", "PSYCHOSOCIAL_SUPPORT"),
        organization="ma-commune-amizmiz",
        texts={
            "ar": OpportunityTexts(
                title="تجهيز المساكن المؤقتة لمتضرري زلزال الحوز لمواجهة البرد",
                summary=(
                    "ساعد في عزل الخيام والمساكن المؤقتة وتوزيع الأغطية والمدافئ على الأسر في "
                    "دواوير أمزميز."
                ),
                description=(
                    "ما تزال أسر في دواوير جماعة أمزميز تقيم في خيام ومساكن مؤقتة في انتظار إتمام "
                    "إعادة البناء بعد زلزال الحوز، ومع اقتراب موجات البرد في الأطلس الكبير تزداد "
                    "حاجتها إلى الحماية. تنظم اللجنة الإقليمية للهلال الأحمر المغربي بالحوز قوافل "
                    "لتوزيع الأغطية والأفرشة العازلة والمدافئ، وتركيب أغطية بلاستيكية مقوّاة على "
                    "الخيام. يشارك المتطوعون في الشحن والتركيب ومرافقة الأسر، ويُفضَّل من يتحدث "
                    "الأمازيغية لتسهيل التواصل مع الساكنة."
                ),
            ),
            "fr": OpportunityTexts(
                title="Préparer à l’hiver les abris des sinistrés du séisme d’Al Haouz",
                summary=(
                    "Aidez à isoler tentes et abris provisoires et à distribuer couvertures et "
                    "poêles dans les douars d’Amizmiz."
                ),
                description=(
                    "Dans les douars de la commune d’Amizmiz, des familles vivent encore sous des "
                    "tentes ou dans des abris provisoires en attendant la fin de la "
                    "reconstruction après le séisme d’Al Haouz. À l’approche des vagues de froid "
                    "sur le Haut Atlas, le comité provincial du Croissant-Rouge marocain organise "
                    "des convois pour distribuer couvertures, matelas isolants et poêles, et "
                    "poser des bâches renforcées sur les tentes. Les bénévoles participent au "
                    "chargement, à l’installation et à l’accompagnement des familles ; la "
                    "maîtrise de l’amazighe est un vrai plus pour échanger avec les habitants."
                ),
            ),
            "en": OpportunityTexts(
                title="Winterising temporary shelters after the Al Haouz earthquake",
                summary=(
                    "Help insulate tents and temporary shelters and distribute blankets and "
                    "stoves in the villages around Amizmiz."
                ),
                description=(
                    "In the villages of Amizmiz commune, some families still live in tents or "
                    "temporary shelters while reconstruction after the Al Haouz earthquake is "
                    "completed. With cold spells approaching in the High Atlas, the Moroccan Red "
                    "Crescent's provincial committee is running convoys to distribute blankets, "
                    "insulating mattresses and stoves, and to fit reinforced tarpaulins over the "
                    "tents. Volunteers help with loading, installation and accompanying families; "
                    "speaking Amazigh is a real asset for talking with residents."
                ),
            ),
        },
        city="Amizmiz",
        region="Marrakech-Safi",
        latitude=31.2167,
        longitude=-8.2333,
        starts_day=3,
        starts_hour=7,
        duration_hours=10,
        capacity=35,
        credited_hours=10,
        is_emergency=True,
        published_day=-10,
        contact_name="رشيد أوباها",
        contact_email="alhaouz@croissant-rouge.example.ma",
        contact_phone="+212 524 48 31 06",
    ),
    OpportunitySeed(
        key="ma-amizmiz-school-kits",
        tenant="ma-crescent",
        format="ONSITE",
        category="RELIEF_DISTRIBUTION",
        skills=("LOGISTICS", "TEACHING"),
        organization="ma-commune-amizmiz",
        campaign="ma-back-to-school",
        texts={
            "fr": OpportunityTexts(
                title="Distribution de kits scolaires aux enfants d’Amizmiz",
                summary=(
                    "Participez à la remise de cartables et de fournitures aux élèves des écoles "
                    "provisoires d’Amizmiz."
                ),
                description=(
                    "Beaucoup d’élèves d’Amizmiz suivent encore les cours dans des classes "
                    "préfabriquées. Dans le cadre de la campagne de rentrée pour les enfants des "
                    "zones sinistrées, le Croissant-Rouge marocain remet à chaque élève un "
                    "cartable complet : cahiers, trousse, manuels et vêtements chauds. Les "
                    "bénévoles préparent les kits par niveau, les distribuent dans les écoles "
                    "avec les enseignants et animent un petit atelier sur l’hygiène et les gestes "
                    "de premiers secours."
                ),
            ),
            "ar": OpportunityTexts(
                title="توزيع الحقائب المدرسية على أطفال أمزميز",
                summary="شارك في تسليم الحقائب واللوازم المدرسية لتلاميذ المدارس المؤقتة بأمزميز.",
                description=(
                    "ما يزال كثير من تلاميذ أمزميز يتابعون دراستهم في أقسام مفككة. في إطار حملة "
                    "الدخول المدرسي لأطفال المناطق المتضررة، يسلّم الهلال الأحمر المغربي كل تلميذ "
                    "حقيبة كاملة تضم الدفاتر والأدوات والكتب المدرسية وملابس دافئة. يجهز "
                    "المتطوعون الحقائب حسب المستوى الدراسي، ويوزعونها في المدارس رفقة الأساتذة، "
                    "وينشطون ورشة قصيرة حول النظافة والإسعافات الأولية."
                ),
            ),
            "en": OpportunityTexts(
                title="School kits for children in Amizmiz",
                summary=(
                    "Help hand out school bags and supplies to pupils in Amizmiz's temporary "
                    "schools."
                ),
                description=(
                    "Many pupils in Amizmiz are still taught in prefabricated classrooms. As part "
                    "of the back-to-school campaign for children in earthquake-hit areas, the "
                    "Moroccan Red Crescent gives every pupil a full school bag with exercise "
                    "books, a pencil case, textbooks and warm clothes. Volunteers sort the kits "
                    "by grade, hand them out in schools alongside the teachers and run a short "
                    "workshop on hygiene and first aid."
                ),
            ),
        },
        city="Amizmiz",
        region="Marrakech-Safi",
        latitude=31.2167,
        longitude=-8.2333,
        starts_day=-8,
        starts_hour=9,
        duration_hours=7,
        capacity=25,
        credited_hours=7,
        published_day=-30,
        contact_name="Fatima Ezzahra El Idrissi",
        contact_email="rentree@croissant-rouge.example.ma",
        contact_phone="+212 661 24 85 30",
    ),
    OpportunitySeed(
        key="ma-fes-medina-first-aid",
        tenant="ma-crescent",
        format="ONSITE",
        category="FIRST_AID",
        skills=("FIRST_AID_CERTIFIED", "EVENT_ORGANIZING"),
        organization="ma-fes-committee",
        texts={
            "ar": OpportunityTexts(
                title="جلسات تحسيسية بالإسعافات الأولية في المدينة العتيقة بفاس",
                summary=(
                    "علّم التجار والحرفيين والسكان الإسعافات الأولية في أزقة يصعب على سيارات "
                    "الإسعاف بلوغها."
                ),
                description=(
                    "يصعب على سيارات الإسعاف بلوغ كثير من أزقة المدينة العتيقة بفاس، مما يجعل "
                    "الدقائق الأولى بعد أي حادث حاسمة. تنظم اللجنة الإقليمية للهلال الأحمر "
                    "المغربي بفاس جلسات تحسيسية قصيرة لفائدة التجار والحرفيين وسكان الأحياء حول "
                    "إيقاف النزيف والتعامل مع الحروق والإغماء وطلب النجدة. يقدم المتطوعون "
                    "الحاصلون على شهادة في الإسعافات الأولية العروض التطبيقية، بينما يتولى "
                    "الآخرون التعبئة والتنظيم."
                ),
            ),
            "fr": OpportunityTexts(
                title="Sensibilisation aux premiers secours dans la médina de Fès",
                summary=(
                    "Initiez commerçants, artisans et habitants aux premiers secours dans des "
                    "ruelles où les ambulances passent difficilement."
                ),
                description=(
                    "Les ambulances accèdent difficilement à de nombreuses ruelles de la médina "
                    "de Fès : les premières minutes après un accident y sont décisives. Le comité "
                    "provincial du Croissant-Rouge marocain de Fès organise de courtes séances de "
                    "sensibilisation pour les commerçants, les artisans et les habitants : "
                    "arrêter un saignement, réagir face à une brûlure ou à un malaise, alerter "
                    "les secours. Les bénévoles titulaires d’un certificat de premiers secours "
                    "assurent les démonstrations, les autres se chargent de la mobilisation et de "
                    "l’organisation."
                ),
            ),
            "en": OpportunityTexts(
                title="First aid awareness in the Fès medina",
                summary=(
                    "Teach shopkeepers, craftspeople and residents first aid in lanes that "
                    "ambulances struggle to reach."
                ),
                description=(
                    "Ambulances struggle to reach many lanes of the Fès medina, so the first "
                    "minutes after an accident are critical. The Moroccan Red Crescent's Fès "
                    "committee runs short awareness sessions for shopkeepers, craftspeople and "
                    "residents on stopping bleeding, dealing with burns and fainting, and calling "
                    "for help. Volunteers with a first aid certificate give the demonstrations, "
                    "while others handle outreach and organisation."
                ),
            ),
        },
        city="Fès",
        region="Fès-Meknès",
        latitude=34.0181,
        longitude=-5.0078,
        starts_day=13,
        starts_hour=10,
        duration_hours=4,
        capacity=20,
        credited_hours=4,
        published_day=-13,
        contact_name="Nabil Bennani",
        contact_email="fes@croissant-rouge.example.ma",
        contact_phone="+212 535 62 17 49",
    ),
    OpportunitySeed(
        key="ma-casablanca-blood-caravan",
        tenant="ma-crescent",
        format="ONSITE",
        category="BLOOD_DONATION",
        skills=("EVENT_ORGANIZING", "SOCIAL_MEDIA"),
        organization="ma-crts-casablanca",
        texts={
            "ar": OpportunityTexts(
                title="قافلة التبرع بالدم في الدار البيضاء",
                summary=(
                    "ساعد في تنظيم محطات التبرع بالدم المتنقلة في أحياء الدار البيضاء لتعزيز "
                    "مخزون الدم."
                ),
                description=(
                    "يسجل المركز الجهوي لتحاقن الدم بالدار البيضاء انخفاضا في المخزون خلال هذه "
                    "الفترة من السنة. ينظم الهلال الأحمر المغربي بالتعاون معه قافلة تتنقل بين عدة "
                    "أحياء طيلة يوم كامل، بشاحنة مجهزة وخيمة للاستقبال. يتولى المتطوعون التحسيس "
                    "في الشوارع المجاورة، واستقبال المتبرعين وتوجيههم، وتقديم المرطبات بعد "
                    "التبرع."
                ),
            ),
            "fr": OpportunityTexts(
                title="Caravane de don de sang à Casablanca",
                summary=(
                    "Aidez à organiser les points de collecte mobiles qui sillonnent les "
                    "quartiers de Casablanca."
                ),
                description=(
                    "Le Centre régional de transfusion sanguine de Casablanca constate une baisse "
                    "de ses réserves à cette période de l’année. Le Croissant-Rouge marocain "
                    "organise avec lui une caravane qui passe par plusieurs quartiers au cours "
                    "d’une journée, avec un camion de prélèvement et une tente d’accueil. Les "
                    "bénévoles sensibilisent les passants dans les rues voisines, accueillent et "
                    "orientent les donneurs, et servent des rafraîchissements après le don."
                ),
            ),
            "en": OpportunityTexts(
                title="Blood donation caravan in Casablanca",
                summary=(
                    "Help run the mobile blood collection points touring Casablanca's "
                    "neighbourhoods."
                ),
                description=(
                    "The Casablanca regional blood transfusion centre sees its stocks fall at "
                    "this time of year. With the centre, the Moroccan Red Crescent is running a "
                    "caravan that visits several neighbourhoods over a single day, with a "
                    "collection truck and a welcome tent. Volunteers talk to passers-by in nearby "
                    "streets, welcome and guide donors, and serve refreshments after donation."
                ),
            ),
        },
        city="Casablanca",
        region="Casablanca-Settat",
        latitude=33.5731,
        longitude=-7.5898,
        starts_day=19,
        starts_hour=9,
        duration_hours=9,
        capacity=24,
        credited_hours=9,
        published_day=-8,
        contact_name="Salma Berrada",
        contact_email="casablanca@croissant-rouge.example.ma",
        contact_phone="+212 522 27 44 18",
    ),
    OpportunitySeed(
        key="ma-first-aid-sheets-arabic",
        tenant="ma-crescent",
        format="REMOTE",
        category="DIGITAL",
        skills=("TRANSLATION_AR_FR",),
        texts={
            "fr": OpportunityTexts(
                title="Adapter en arabe les fiches de premiers secours",
                summary=(
                    "Traduisez en arabe accessible les fiches pratiques de premiers secours "
                    "utilisées par nos formateurs."
                ),
                description=(
                    "Nos formateurs utilisent une série de fiches pratiques rédigées en français "
                    ": hémorragies, brûlures, malaises, position latérale de sécurité. Nous "
                    "voulons les proposer en arabe, dans une langue simple et proche de celle des "
                    "participants, sans rien perdre de la précision des consignes. Le travail se "
                    "fait à distance, fiche par fiche, et chaque traduction est relue par un "
                    "formateur arabophone avant impression."
                ),
            ),
            "ar": OpportunityTexts(
                title="تكييف بطاقات الإسعافات الأولية باللغة العربية",
                summary=(
                    "ترجم إلى عربية ميسّرة البطاقات التطبيقية للإسعافات الأولية التي يستعملها "
                    "مكوّنونا."
                ),
                description=(
                    "يعتمد مكوّنونا على سلسلة من البطاقات التطبيقية المحررة بالفرنسية حول النزيف "
                    "والحروق والإغماء ووضعية الإفاقة الجانبية. نريد توفيرها بالعربية بلغة بسيطة "
                    "قريبة من لغة المشاركين، دون التفريط في دقة التعليمات. يتم العمل عن بعد بطاقة "
                    "تلو الأخرى، ويراجع كل ترجمة مكوّن ناطق بالعربية قبل طبعها."
                ),
            ),
        },
        is_ongoing=True,
        capacity=6,
        credited_hours=12,
        published_day=-42,
        contact_name="Nabil Bennani",
        contact_email="formation@croissant-rouge.example.ma",
        contact_phone="+212 535 62 17 49",
    ),
)

_TN_OPPORTUNITIES: tuple[OpportunitySeed, ...] = (
    OpportunitySeed(
        key="tn-sfax-migrants-support",
        tenant="tn-crescent",
        format="ONSITE",
        category="REFUGEE_SUPPORT",
        skills=("FIRST_AID_CERTIFIED", "NURSING", "TRANSLATION_AR_EN"),
        organization="tn-sfax-committee",
        texts={
            "ar": OpportunityTexts(
                title="تقديم المساعدة الإنسانية للمهاجرين في صفاقس",
                summary=(
                    "انضم إلى فرق الهلال الأحمر التونسي التي تقدم الإسعافات الأولية والمواد "
                    "الأساسية للمهاجرين في صفاقس."
                ),
                description=(
                    "تتدخل فرق الهيئة الجهوية للهلال الأحمر التونسي بصفاقس يوميا لفائدة المهاجرين "
                    "في وضعيات هشة، وفق مبدأي الإنسانية وعدم التحيز. يقدم المتطوعون الإسعافات "
                    "الأولية والماء والأغذية ومواد النظافة، ويوجهون الحالات المرضية إلى الهياكل "
                    "الصحية، ويساعدون على إعادة الروابط العائلية. نرحب خاصة بمن يتقن الفرنسية أو "
                    "الإنجليزية للتواصل مع المستفيدين، ويُشترط حضور تكوين حول المبادئ الأساسية "
                    "للحركة."
                ),
            ),
            "fr": OpportunityTexts(
                title="Assistance humanitaire aux migrants à Sfax",
                summary=(
                    "Rejoignez les équipes du Croissant-Rouge tunisien qui apportent premiers "
                    "secours et biens essentiels aux migrants à Sfax."
                ),
                description=(
                    "Les équipes du comité régional du Croissant-Rouge tunisien à Sfax "
                    "interviennent chaque jour auprès des migrants en situation de vulnérabilité, "
                    "dans le respect des principes d’humanité et d’impartialité. Les bénévoles "
                    "assurent les premiers secours, distribuent eau, vivres et produits "
                    "d’hygiène, orientent les malades vers les structures de santé et contribuent "
                    "au rétablissement des liens familiaux. La maîtrise du français ou de "
                    "l’anglais est précieuse pour échanger avec les bénéficiaires ; une formation "
                    "aux Principes fondamentaux du Mouvement est obligatoire."
                ),
            ),
            "en": OpportunityTexts(
                title="Humanitarian assistance to migrants in Sfax",
                summary=(
                    "Join the Tunisian Red Crescent teams providing first aid and essential items "
                    "to migrants in Sfax."
                ),
                description=(
                    "Every day, teams from the Tunisian Red Crescent's Sfax committee assist "
                    "migrants in vulnerable situations, guided by the principles of humanity and "
                    "impartiality. Volunteers give first aid, hand out water, food and hygiene "
                    "items, refer sick people to health facilities and help restore family links. "
                    "French or English is a real help in talking with the people we assist, and "
                    "training on the Movement's Fundamental Principles is required."
                ),
            ),
        },
        city="Sfax",
        region="Sfax",
        latitude=34.7406,
        longitude=10.7603,
        starts_hour=9,
        duration_hours=5,
        is_ongoing=True,
        capacity=30,
        credited_hours=20,
        published_day=-50,
        contact_name="هالة الغربي",
        contact_email="sfax@croissant-rouge.example.tn",
        contact_phone="+216 74 221 530",
    ),
    OpportunitySeed(
        key="tn-sousse-blood-day",
        tenant="tn-crescent",
        format="ONSITE",
        category="BLOOD_DONATION",
        skills=("EVENT_ORGANIZING", "SOCIAL_MEDIA"),
        organization="tn-sousse-hospital",
        texts={
            "ar": OpportunityTexts(
                title="يوم التبرع بالدم بالمستشفى الجامعي فرحات حشاد بسوسة",
                summary=(
                    "ساهم في التحسيس بالتبرع بالدم واستقبال المتبرعين خلال يوم مفتوح بالمستشفى "
                    "الجامعي فرحات حشاد."
                ),
                description=(
                    "بالتنسيق مع بنك الدم بالمستشفى الجامعي فرحات حشاد، تنظم الهيئة الجهوية "
                    "للهلال الأحمر التونسي بسوسة يوما مفتوحا للتبرع بالدم. يتولى المتطوعون "
                    "التحسيس بأهمية التبرع في المعاهد والكليات القريبة خلال الأيام السابقة، ثم "
                    "استقبال المتبرعين وتوجيههم يوم الحملة. هدفنا جمع 150 كيسا من الدم لتغطية "
                    "حاجيات أقسام الاستعجالي والتوليد."
                ),
            ),
            "fr": OpportunityTexts(
                title="Journée de don de sang au CHU Farhat Hached de Sousse",
                summary=(
                    "Sensibilisez au don de sang et accueillez les donneurs lors d’une journée "
                    "portes ouvertes au CHU Farhat Hached."
                ),
                description=(
                    "En lien avec la banque de sang du CHU Farhat Hached, le comité régional du "
                    "Croissant-Rouge tunisien à Sousse organise une journée portes ouvertes du "
                    "don de sang. Les jours précédents, les bénévoles sensibilisent les élèves et "
                    "étudiants des lycées et facultés voisins ; le jour J, ils accueillent et "
                    "orientent les donneurs. Notre objectif : 150 poches de sang pour couvrir les "
                    "besoins des urgences et de la maternité."
                ),
            ),
            "en": OpportunityTexts(
                title="Blood donation day at Farhat Hached University Hospital, Sousse",
                summary=(
                    "Promote blood donation and welcome donors during an open day at Farhat "
                    "Hached University Hospital."
                ),
                description=(
                    "With the blood bank of Farhat Hached University Hospital, the Tunisian Red "
                    "Crescent's Sousse committee is holding an open blood donation day. In the "
                    "days before, volunteers raise awareness in nearby secondary schools and "
                    "faculties; on the day itself, they welcome and guide donors. Our goal is 150 "
                    "units of blood to meet the needs of the emergency and maternity departments."
                ),
            ),
        },
        city="Sousse",
        region="Sousse",
        latitude=35.8256,
        longitude=10.6369,
        starts_day=6,
        starts_hour=8,
        duration_hours=8,
        capacity=20,
        credited_hours=12,
        published_day=-17,
        contact_name="Anis Ben Youssef",
        contact_email="sousse@croissant-rouge.example.tn",
        contact_phone="+216 73 225 418",
    ),
    OpportunitySeed(
        key="tn-bizerte-beach-cleanup",
        tenant="tn-crescent",
        format="ONSITE",
        category="ENVIRONMENT",
        skills=(),
        organization="tn-bizerte-commune",
        texts={
            "ar": OpportunityTexts(
                title="حملة تنظيف شاطئ الكورنيش ببنزرت",
                summary=(
                    "يوم تطوعي لجمع النفايات البلاستيكية من شاطئ الكورنيش وفرزها بالتعاون مع "
                    "بلدية بنزرت."
                ),
                description=(
                    "بعد موسم الاصطياف، تتراكم على شاطئ الكورنيش ببنزرت كميات كبيرة من النفايات "
                    "البلاستيكية التي تقذفها الأمواج. تنظم الهيئة المحلية للهلال الأحمر التونسي "
                    "مع بلدية بنزرت يوما لتنظيف الشاطئ تُفرز خلاله النفايات المجمعة لإعادة "
                    "تدويرها، مع ورشة تحسيسية للأطفال حول حماية البحر. توفر البلدية الأكياس "
                    "والقفازات، ويُنصح المشاركون بإحضار قبعة وقارورة ماء."
                ),
            ),
            "fr": OpportunityTexts(
                title="Nettoyage de la plage de la Corniche à Bizerte",
                summary=(
                    "Une journée pour ramasser et trier les déchets plastiques de la plage de la "
                    "Corniche, avec la municipalité de Bizerte."
                ),
                description=(
                    "Après la saison estivale, la plage de la Corniche à Bizerte se couvre de "
                    "déchets plastiques rejetés par la mer. Le comité local du Croissant-Rouge "
                    "tunisien et la municipalité organisent une journée de nettoyage au cours de "
                    "laquelle les déchets ramassés sont triés pour le recyclage, avec un atelier "
                    "de sensibilisation des enfants à la protection de la mer. La municipalité "
                    "fournit sacs et gants ; pensez à apporter une casquette et une bouteille "
                    "d’eau."
                ),
            ),
            "en": OpportunityTexts(
                title="Corniche beach clean-up in Bizerte",
                summary=(
                    "A day of collecting and sorting plastic waste on the Corniche beach, with "
                    "the Municipality of Bizerte."
                ),
                description=(
                    "After the summer season, large amounts of plastic washed up by the sea build "
                    "up on Bizerte's Corniche beach. The local Tunisian Red Crescent committee "
                    "and the municipality are organising a clean-up day, sorting what is "
                    "collected for recycling, with a workshop for children on protecting the sea. "
                    "The municipality provides bags and gloves; bring a cap and a bottle of "
                    "water."
                ),
            ),
        },
        city="Bizerte",
        region="Bizerte",
        latitude=37.2744,
        longitude=9.8739,
        starts_day=24,
        starts_hour=9,
        duration_hours=4,
        capacity=60,
        credited_hours=4,
        published_day=-6,
        contact_name="Anis Ben Youssef",
        contact_email="bizerte@croissant-rouge.example.tn",
        contact_phone="+216 72 431 602",
    ),
    OpportunitySeed(
        key="tn-bousalem-flood-response",
        tenant="tn-crescent",
        format="ONSITE",
        category="DISASTER_RESPONSE",
        skills=("DRIVING", "LOGISTICS", "FIRST_AID_CERTIFIED"),
        texts={
            "ar": OpportunityTexts(
                title="نداء عاجل: مساعدة العائلات المتضررة من فيضان وادي مجردة ببوسالم",
                summary=(
                    "ساهم في إيصال الأغطية والمؤونة إلى العائلات التي غمرت مياه وادي مجردة "
                    "منازلها ببوسالم."
                ),
                description=(
                    "أدت الأمطار الغزيرة إلى فيضان وادي مجردة وغمر عدد من الأحياء والتجمعات "
                    "الريفية بمعتمدية بوسالم. تنسق الهيئة الجهوية للهلال الأحمر التونسي بجندوبة "
                    "مع الحماية المدنية والسلط المحلية لإجلاء العائلات الأكثر هشاشة وإيصال "
                    "الأغطية والمواد الغذائية ومياه الشرب إليها. نبحث عن متطوعين من المنطقة "
                    "يعرفون المسالك الفلاحية، وسائقين لسيارات رباعية الدفع، ومتطوعين للعمل في "
                    "مستودع الفرز."
                ),
            ),
            "fr": OpportunityTexts(
                title="Appel urgent : aide aux familles sinistrées par la crue de la Medjerda",
                summary=(
                    "Aidez à acheminer couvertures et vivres aux familles de Bou Salem dont les "
                    "maisons ont été inondées par la Medjerda."
                ),
                description=(
                    "De fortes pluies ont fait déborder l’oued Medjerda, qui a inondé plusieurs "
                    "quartiers et hameaux de la délégation de Bou Salem. Le comité régional du "
                    "Croissant-Rouge tunisien à Jendouba coordonne avec la Protection civile et "
                    "les autorités locales l’évacuation des familles les plus vulnérables et "
                    "l’acheminement de couvertures, de denrées et d’eau potable. Nous recherchons "
                    "des bénévoles de la région connaissant les pistes agricoles, des conducteurs "
                    "de véhicules tout-terrain et des renforts pour l’entrepôt de tri."
                ),
            ),
            "en": OpportunityTexts(
                title="Urgent appeal: help families hit by the Medjerda flood in Bou Salem",
                summary=(
                    "Help deliver blankets and food to families in Bou Salem whose homes were "
                    "flooded by the Medjerda river."
                ),
                description=(
                    "Heavy rain has caused the Medjerda river to burst its banks, flooding "
                    "several neighbourhoods and rural hamlets in Bou Salem district. The Tunisian "
                    "Red Crescent's Jendouba committee is working with Civil Protection and local "
                    "authorities to evacuate the most vulnerable families and bring them "
                    "blankets, food and drinking water. We are looking for local volunteers who "
                    "know the farm tracks, drivers for four-wheel-drive vehicles and extra hands "
                    "at the sorting warehouse."
                ),
            ),
        },
        city="Bou Salem",
        region="Jendouba",
        latitude=36.6108,
        longitude=8.9703,
        starts_day=-1,
        starts_hour=7,
        duration_hours=10,
        capacity=40,
        credited_hours=10,
        is_emergency=True,
        published_day=-1,
        contact_name="ريم الماجري",
        contact_email="jendouba@croissant-rouge.example.tn",
        contact_phone="+216 78 603 114",
    ),
    OpportunitySeed(
        key="tn-ain-draham-winter-kits",
        tenant="tn-crescent",
        format="ONSITE",
        category="RELIEF_DISTRIBUTION",
        skills=("LOGISTICS", "DRIVING"),
        campaign="tn-winter-northwest",
        texts={
            "ar": OpportunityTexts(
                title="تحضير وتوزيع حزم الشتاء على عائلات أرياف عين دراهم",
                summary=(
                    "ساعد في تجهيز الأغطية والملابس الدافئة وقوارير الغاز وإيصالها إلى العائلات "
                    "المعزولة في مرتفعات عين دراهم."
                ),
                description=(
                    "مع حلول فصل الشتاء، تعيش عائلات كثيرة في أرياف عين دراهم عزلة شبه تامة بسبب "
                    "البرد والتساقطات الثلجية. في إطار حملة «دفء الشتاء» بالشمال الغربي، تجهز "
                    "الهيئة الجهوية للهلال الأحمر التونسي بجندوبة حزما تضم أغطية وملابس دافئة "
                    "وقوارير غاز، وتوزعها قبل اشتداد البرد. يشارك المتطوعون في التعبئة بمستودع "
                    "عين دراهم وفي قوافل التوزيع نحو الدواوير الجبلية."
                ),
            ),
            "fr": OpportunityTexts(
                title="Colis d’hiver pour les familles rurales d’Aïn Draham",
                summary=(
                    "Préparez et livrez couvertures, vêtements chauds et bonbonnes de gaz aux "
                    "familles isolées des hauteurs d’Aïn Draham."
                ),
                description=(
                    "Chaque hiver, le froid et la neige isolent de nombreuses familles des zones "
                    "rurales d’Aïn Draham. Dans le cadre de la campagne « Chaleur d’hiver » dans "
                    "le Nord-Ouest, le comité régional du Croissant-Rouge tunisien à Jendouba "
                    "prépare des colis de couvertures, de vêtements chauds et de bonbonnes de gaz "
                    "à distribuer avant les grands froids. Les bénévoles participent au "
                    "conditionnement à l’entrepôt d’Aïn Draham et aux convois de distribution "
                    "vers les douars de montagne."
                ),
            ),
            "en": OpportunityTexts(
                title="Winter kits for rural families around Aïn Draham",
                summary=(
                    "Prepare and deliver blankets, warm clothes and gas bottles to isolated "
                    "families in the Aïn Draham highlands."
                ),
                description=(
                    "Every winter, cold and snow leave many families in rural Aïn Draham almost "
                    "completely cut off. Under the Winter Warmth campaign in the North-West, the "
                    "Tunisian Red Crescent's Jendouba committee is preparing kits of blankets, "
                    "warm clothing and gas bottles to hand out before the worst of the cold. "
                    "Volunteers help pack kits at the Aïn Draham warehouse and join the "
                    "distribution convoys to mountain villages."
                ),
            ),
        },
        city="Aïn Draham",
        region="Jendouba",
        latitude=36.7767,
        longitude=8.6875,
        starts_day=30,
        starts_hour=8,
        duration_hours=8,
        capacity=30,
        credited_hours=8,
        published_day=-3,
        contact_name="ريم الماجري",
        contact_email="jendouba@croissant-rouge.example.tn",
        contact_phone="+216 78 603 114",
    ),
    OpportunitySeed(
        key="tn-sfax-pss-training-draft",
        tenant="tn-crescent",
        format="ONSITE",
        category="PSYCHOSOCIAL",
        skills=("PSYCHOSOCIAL_SUPPORT",),
        organization="tn-sfax-committee",
        texts={
            "ar": OpportunityTexts(
                title="دورة تكوينية في الدعم النفسي الاجتماعي للمتطوعين الجدد",
                summary=(
                    "ثلاثة أيام من التكوين في الإسعافات النفسية الأولية لفائدة المتطوعين الجدد "
                    "بصفاقس."
                ),
                description=(
                    "برنامج أولي في انتظار تأكيد المكوّنين: الإسعافات النفسية الأولية، والإصغاء "
                    "الفعّال، وحماية الطفل، والعناية بالذات لدى المتطوع. سيُحدَّد المكان وعدد "
                    "المقاعد بعد التنسيق مع الهيئة المركزية."
                ),
            ),
            "fr": OpportunityTexts(
                title="Formation au soutien psychosocial pour les nouveaux bénévoles",
                summary=(
                    "Trois jours de formation aux premiers secours psychologiques pour les "
                    "nouveaux bénévoles de Sfax."
                ),
                description=(
                    "Programme provisoire, en attente de confirmation des formateurs : premiers "
                    "secours psychologiques, écoute active, protection de l’enfance et soin de "
                    "soi chez le bénévole. Le lieu et le nombre de places seront fixés après "
                    "coordination avec le siège."
                ),
            ),
        },
        city="Sfax",
        region="Sfax",
        latitude=34.7406,
        longitude=10.7603,
        starts_day=60,
        starts_hour=9,
        duration_hours=56,
        status="DRAFT",
        published_day=-2,
        contact_name="هالة الغربي",
        contact_email="sfax@croissant-rouge.example.tn",
        contact_phone="+216 74 221 530",
    ),
)

OPPORTUNITIES: tuple[OpportunitySeed, ...] = (
    *_ARCO_OPPORTUNITIES,
    *_DZ_OPPORTUNITIES,
    *_SETIF_OPPORTUNITIES,
    *_EG_OPPORTUNITIES,
    *_SA_OPPORTUNITIES,
    *_LB_OPPORTUNITIES,
    *_MA_OPPORTUNITIES,
    *_TN_OPPORTUNITIES,
)

EVENTS: tuple[EventSeed, ...] = (
    EventSeed(
        key="arco-volunteer-leaders-forum",
        tenant="arco",
        kind="SEMINAR",
        texts={
            "ar": EventTexts(
                title="الملتقى الأول لقيادات التطوع بالجمعيات الوطنية",
                description=(
                    "يجمع الملتقى مسؤولي التطوع في الجمعيات الوطنية العربية للهلال الأحمر والصليب "
                    "الأحمر لمناقشة طرق الاستفادة من المنصة العربية للتطوع في استقطاب المتطوعين "
                    "وتأهيلهم وتوثيق ساعاتهم. يتضمن البرنامج عروضا لتجارب الجمعيات، وورشة حول "
                    "حماية بيانات المتطوعين وسرية معلومات كل جمعية، وجلسة ختامية لصياغة توصيات "
                    "العمل العربي الإنساني المشترك."
                ),
            ),
            "en": EventTexts(
                title="First Forum of National Society Volunteer Leaders",
                description=(
                    "The forum brings together the heads of volunteering of Arab Red Crescent and "
                    "Red Cross national societies to discuss how the Arab Volunteering Platform "
                    "can help them recruit, train and record the hours of their volunteers. The "
                    "programme includes presentations of national societies' experience, a "
                    "workshop on protecting volunteers' data and keeping each society's "
                    "information confidential, and a closing session to draft recommendations for "
                    "joint Arab humanitarian work."
                ),
            ),
            "fr": EventTexts(
                title="Premier Forum des responsables du volontariat des Sociétés nationales",
                description=(
                    "Le forum réunit les responsables du volontariat des Sociétés nationales "
                    "arabes du Croissant-Rouge et de la Croix-Rouge autour d’une question : "
                    "comment tirer parti de la Plateforme arabe du volontariat pour recruter, "
                    "former et suivre les heures des volontaires. Au programme : retours "
                    "d’expérience des Sociétés nationales, atelier sur la protection des données "
                    "des volontaires et la confidentialité des informations de chaque Société, et "
                    "séance de clôture consacrée aux recommandations pour l’action humanitaire "
                    "arabe commune."
                ),
            ),
        },
        starts_day=12,
        starts_hour=9,
        duration_hours=8,
        city="Riyadh",
    ),
    EventSeed(
        key="arco-platform-webinar",
        tenant="arco",
        kind="SEMINAR",
        texts={
            "ar": EventTexts(
                title="كيف تبدأ رحلتك على المنصة العربية للتطوع؟",
                description=(
                    "لقاء افتراضي مفتوح يشرح فيه فريق المنصة طريقة إنشاء الحساب، والبحث عن الفرص "
                    "التطوعية عن بعد، والتواصل مع مسؤول الفرصة، وتحميل الشهادات بعد إكمال الفرصة "
                    "التطوعية. يُخصَّص النصف الثاني من اللقاء للإجابة عن أسئلة المشاركين."
                ),
            ),
            "en": EventTexts(
                title="Getting started on the Arab Volunteering Platform",
                description=(
                    "An open online session in which the platform team shows how to create an "
                    "account, find remote volunteering opportunities, contact the opportunity "
                    "manager and download certificates once an opportunity is completed. The "
                    "second half is set aside for participants' questions."
                ),
            ),
        },
        starts_day=5,
        starts_hour=19,
        duration_hours=1.5,
        online_url="https://meet.volunteering.example.org/platform-intro",
    ),
    EventSeed(
        key="arco-human-faces-exhibition",
        tenant="arco",
        kind="EXHIBITION",
        texts={
            "ar": EventTexts(
                title="معرض «وجوه إنسانية» الافتراضي",
                description=(
                    "معرض صور افتراضي يضم أعمالا التقطها متطوعون ومصورون من الجمعيات الوطنية خلال "
                    "عمليات الإغاثة والحملات الصحية وأنشطة الشباب. تُعرض الصور مع شهادات قصيرة "
                    "لأصحابها، ويستمر المعرض أسبوعين على المنصة."
                ),
            ),
            "en": EventTexts(
                title="“Human Faces” online exhibition",
                description=(
                    "An online photo exhibition of pictures taken by volunteers and photographers "
                    "from national societies during relief operations, health campaigns and youth "
                    "activities. Each photo comes with a short account from the person who took "
                    "it, and the exhibition stays open on the platform for two weeks."
                ),
            ),
            "fr": EventTexts(
                title="Exposition virtuelle « Visages d’humanité »",
                description=(
                    "Une exposition photo en ligne réunissant des images prises par des "
                    "volontaires et des photographes des Sociétés nationales lors d’opérations de "
                    "secours, de campagnes de santé et d’activités de jeunesse. Chaque photo est "
                    "accompagnée d’un court témoignage de son auteur ; l’exposition reste ouverte "
                    "deux semaines sur la plateforme."
                ),
            ),
        },
        starts_day=-10,
        starts_hour=10,
        duration_hours=336,
        online_url="https://volunteering.example.org/exhibitions/human-faces",
    ),
    EventSeed(
        key="setif-volunteer-day-celebration",
        tenant="setif-youth",
        kind="CAMPAIGN_DAY",
        texts={
            "ar": EventTexts(
                title="الاحتفال باليوم العالمي للتطوع بسطيف",
                description=(
                    "بمناسبة اليوم العالمي للتطوع المصادف لـ5 ديسمبر، تحتفي الجمعية الولائية "
                    "للشباب المتطوع بسطيف بمتطوعيها في ساحة عين الفوارة. يتضمن البرنامج «قرية "
                    "التطوع»، وعرض إحصائيات ساعات التطوع المسجلة على منصة «لنتطوع» منذ إطلاقها، "
                    "وتسليم الشارات البرونزية والفضية للمتطوعين الذين بلغوا الحجم الساعي المطلوب."
                ),
            ),
            "fr": EventTexts(
                title="Journée internationale des volontaires à Sétif",
                description=(
                    "À l’occasion de la Journée internationale des volontaires, le 5 décembre, "
                    "l’Association de wilaya des jeunes volontaires de Sétif met ses bénévoles à "
                    "l’honneur place Aïn El Fouara. Au programme : le village du bénévolat, la "
                    "présentation des statistiques des heures de bénévolat enregistrées sur la "
                    "plateforme depuis son lancement et la remise des badges de bronze et "
                    "d’argent aux volontaires qui ont atteint le nombre d’heures requis."
                ),
            ),
            "en": EventTexts(
                title="International Volunteer Day in Sétif",
                description=(
                    "For International Volunteer Day on 5 December, the Sétif Wilaya Association "
                    "of Young Volunteers celebrates its volunteers in Aïn El Fouara square. The "
                    "programme includes the Volunteering Village, a look at the volunteering "
                    "hours recorded on the platform since its launch, and the award of bronze and "
                    "silver badges to volunteers who have reached the required hours."
                ),
            ),
        },
        starts_day=34,
        starts_hour=9,
        duration_hours=8,
        city="Sétif",
    ),
    EventSeed(
        key="setif-university-study-day",
        tenant="setif-youth",
        kind="SEMINAR",
        texts={
            "ar": EventTexts(
                title="يوم دراسي حول العمل التطوعي والرقمنة بجامعة سطيف 1",
                description=(
                    "يوم دراسي بالتعاون مع جامعة فرحات عباس سطيف 1 حول تنظيم العمل التطوعي "
                    "وتأطيره في عصر الرقمنة. يقدم الفريق التقني منصة «لنتطوع» وطريقة احتساب ساعات "
                    "التطوع ومنح الشارات، ويناقش الأساتذة والطلبة سبل إبرام اتفاقيات تتيح للطلبة "
                    "تثمين مشاركاتهم التطوعية."
                ),
            ),
            "fr": EventTexts(
                title="Journée d’étude sur le bénévolat et le numérique à l’Université Sétif 1",
                description=(
                    "Journée d’étude organisée avec l’Université Ferhat Abbas Sétif 1 sur "
                    "l’organisation et l’encadrement du bénévolat à l’ère du numérique. L’équipe "
                    "technique présente la plateforme, le calcul des heures de bénévolat et "
                    "l’attribution des badges ; enseignants et étudiants débattent des "
                    "conventions qui permettraient de valoriser l’engagement bénévole des "
                    "étudiants."
                ),
            ),
        },
        starts_day=-12,
        starts_hour=10,
        duration_hours=3,
        city="Sétif",
    ),
    EventSeed(
        key="setif-first-aid-pupils",
        tenant="setif-youth",
        kind="TRAINING",
        texts={
            "ar": EventTexts(
                title="تكوين في الإسعافات الأولية لفائدة التلاميذ المتطوعين",
                description=(
                    "حصة تكوينية لمدة أربع ساعات يؤطرها مسعفون متطوعون، موجهة لتلاميذ المتوسطات "
                    "والثانويات المسجلين في منصة «لنتطوع». يتعلم المشاركون وضعية الإفاقة "
                    "الجانبية، والتعامل مع النزيف والحروق، وطريقة طلب النجدة. تُشترط موافقة "
                    "الولي، ويحصل كل مشارك على شهادة حضور."
                ),
            ),
        },
        starts_day=21,
        starts_hour=9,
        duration_hours=4,
        city="Sétif",
    ),
    EventSeed(
        key="dz-oran-first-aid-course",
        tenant="dz-crescent",
        kind="TRAINING",
        texts={
            "ar": EventTexts(
                title="دورة تكوينية في الإسعافات الأولية بوهران",
                description=(
                    "ينظم فرع الهلال الأحمر الجزائري بوهران دورة تكوينية في الإسعافات الأولية على "
                    "مدى يومين، مفتوحة للمتطوعين الجدد ولعامة المواطنين. تُختتم الدورة باختبار "
                    "تطبيقي، ويحصل الناجحون على شهادة معتمدة تتيح لهم المشاركة في فرق الاستجابة "
                    "للطوارئ."
                ),
            ),
            "fr": EventTexts(
                title="Formation aux premiers secours à Oran",
                description=(
                    "Le bureau d’Oran du Croissant-Rouge algérien organise une formation aux "
                    "premiers secours sur deux jours, ouverte aux nouveaux bénévoles comme au "
                    "grand public. Elle se termine par une évaluation pratique ; les participants "
                    "reçus obtiennent un certificat qui leur permet de rejoindre les équipes "
                    "d’intervention d’urgence."
                ),
            ),
        },
        starts_day=15,
        starts_hour=9,
        duration_hours=32,
        city="Oran",
    ),
    EventSeed(
        key="dz-chlef-coordination-meeting",
        tenant="dz-crescent",
        kind="MEETING",
        texts={
            "ar": EventTexts(
                title="اجتماع تنسيقي لمتابعة الاستجابة لفيضانات الشلف",
                description=(
                    "اجتماع عن بعد يضم رؤساء اللجان الولائية المعنية ومنسقي المتطوعين لتقييم "
                    "الاحتياجات في مراكز الإيواء بالشلف، وتوزيع المناوبات على الأيام القادمة، "
                    "وتحديد حاجيات التموين."
                ),
            ),
            "fr": EventTexts(
                title="Réunion de coordination sur les inondations de Chlef",
                description=(
                    "Réunion à distance des présidents des comités de wilaya concernés et des "
                    "coordinateurs des bénévoles : évaluation des besoins dans les centres "
                    "d’hébergement de Chlef, répartition des permanences pour les prochains jours "
                    "et besoins en approvisionnement."
                ),
            ),
        },
        starts_day=1,
        starts_hour=18,
        duration_hours=1.5,
        online_url="https://reunions.benevolat.example.dz/chlef-coordination",
        visibility="TENANT",
    ),
    EventSeed(
        key="eg-cairo-first-aid-course",
        tenant="eg-crescent",
        kind="TRAINING",
        texts={
            "ar": EventTexts(
                title="دورة الإسعافات الأولية الأساسية في القاهرة",
                description=(
                    "دورة ليوم كامل في مقر الهلال الأحمر المصري بالقاهرة، تغطي تقييم الموقف "
                    "والإنعاش القلبي الرئوي والتعامل مع الكسور والنزيف. الدورة شرط للمشاركة في "
                    "كثير من الفرص التطوعية الميدانية، ويحصل المتدرب على شهادة صالحة لمدة عامين."
                ),
            ),
            "en": EventTexts(
                title="Basic first aid course in Cairo",
                description=(
                    "A full-day course at the Egyptian Red Crescent's Cairo headquarters covering "
                    "scene assessment, CPR, fractures and bleeding. The course is required for "
                    "many field volunteering opportunities, and participants receive a "
                    "certificate valid for two years."
                ),
            ),
        },
        starts_day=18,
        starts_hour=9,
        duration_hours=7,
        city="Cairo",
    ),
    EventSeed(
        key="eg-warm-winter-launch",
        tenant="eg-crescent",
        kind="CAMPAIGN_DAY",
        texts={
            "ar": EventTexts(
                title="إطلاق حملة «شتاء دافئ» من سوهاج",
                description=(
                    "انطلقت حملة «شتاء دافئ» من محافظة سوهاج بحضور متطوعي فروع الصعيد، بتوزيع أول "
                    "دفعة من البطاطين على الأسر الأولى بالرعاية وعرض خطة الحملة في المحافظات."
                ),
            ),
            "en": EventTexts(
                title="Launch of the Warm Winter campaign in Sohag",
                description=(
                    "The Warm Winter campaign was launched in Sohag governorate with volunteers "
                    "from Upper Egypt branches, with a first distribution of blankets to the most "
                    "vulnerable families and a presentation of the campaign plan across "
                    "governorates."
                ),
            ),
            "fr": EventTexts(
                title="Lancement de la campagne « Hiver au chaud » à Sohag",
                description=(
                    "La campagne « Hiver au chaud » a été lancée dans le gouvernorat de Sohag en "
                    "présence des volontaires des sections de Haute-Égypte, avec une première "
                    "distribution de couvertures aux familles les plus vulnérables et la "
                    "présentation du plan de campagne dans les gouvernorats."
                ),
            ),
        },
        starts_day=-15,
        starts_hour=10,
        duration_hours=4,
        city="Sohag",
    ),
    EventSeed(
        key="sa-umrah-volunteers-briefing",
        tenant="sa-crescent",
        kind="TRAINING",
        texts={
            "ar": EventTexts(
                title="لقاء تعريفي لمتطوعي موسم العمرة",
                description=(
                    "لقاء عن بعد للمتطوعين المقبولين في فرق الإسعاف بالمسجد الحرام، يستعرض مسارات "
                    "الحركة ونقاط التمركز وآلية التبليغ عن الحالات، إضافة إلى قواعد السلوك "
                    "والسلامة الشخصية."
                ),
            ),
            "en": EventTexts(
                title="Briefing for Umrah season volunteers",
                description=(
                    "An online briefing for volunteers accepted into the first aid teams at the "
                    "Grand Mosque, covering movement routes, team positions and how to report "
                    "cases, as well as the code of conduct and personal safety."
                ),
            ),
        },
        starts_day=3,
        starts_hour=20,
        duration_hours=1.5,
        online_url="https://meet.volunteer.example.sa/umrah-briefing",
    ),
    EventSeed(
        key="lb-self-care-webinar",
        tenant="lb-redcross",
        kind="SEMINAR",
        texts={
            "fr": EventTexts(
                title="Prendre soin de soi quand on aide les autres",
                description=(
                    "Webinaire animé par l’équipe de soutien psychosocial à l’intention des "
                    "volontaires engagés auprès des familles déplacées : reconnaître les signes "
                    "d’épuisement, poser ses limites et savoir demander de l’aide."
                ),
            ),
            "ar": EventTexts(
                title="كيف نعتني بأنفسنا ونحن نساعد الآخرين؟",
                description=(
                    "ندوة عبر الإنترنت يقدمها فريق الدعم النفسي الاجتماعي للمتطوعين العاملين مع "
                    "العائلات النازحة: التعرف على علامات الإرهاق، ووضع الحدود، وطلب المساعدة عند "
                    "الحاجة."
                ),
            ),
        },
        starts_day=6,
        starts_hour=19,
        duration_hours=1.5,
        online_url="https://webinaires.croixrouge.example.lb/soin-de-soi",
    ),
    EventSeed(
        key="lb-tripoli-open-day",
        tenant="lb-redcross",
        kind="AWARENESS_DAY",
        texts={
            "fr": EventTexts(
                title="Portes ouvertes au centre de secours de Tripoli",
                description=(
                    "Avant l’ouverture de la nouvelle promotion de secouristes, le centre de "
                    "Tripoli ouvre ses portes : visite des ambulances, démonstrations de gestes "
                    "qui sauvent et rencontre avec les volontaires en service."
                ),
            ),
            "ar": EventTexts(
                title="يوم مفتوح في مركز طرابلس للإسعاف",
                description=(
                    "قبل انطلاق الدفعة الجديدة من المسعفين، يفتح مركز طرابلس أبوابه للزوار: جولة "
                    "على سيارات الإسعاف، وعروض لمهارات إنقاذ الحياة، ولقاء مع المتطوعين "
                    "المناوبين."
                ),
            ),
            "en": EventTexts(
                title="Open day at the Tripoli EMS station",
                description=(
                    "Ahead of the new intake of first aiders, the Tripoli station opens its "
                    "doors: a look inside the ambulances, life-saving skills demonstrations and a "
                    "chance to meet the volunteers on duty."
                ),
            ),
        },
        starts_day=28,
        starts_hour=10,
        duration_hours=5,
        city="Tripoli",
    ),
    EventSeed(
        key="ma-alhaouz-photo-exhibition",
        tenant="ma-crescent",
        kind="EXHIBITION",
        texts={
            "ar": EventTexts(
                title="معرض صور: ثلاث سنوات من العمل التطوعي بعد زلزال الحوز",
                description=(
                    "يعرض الهلال الأحمر المغربي بمراكش صورا توثق عمل متطوعيه منذ الساعات الأولى "
                    "بعد زلزال الحوز إلى اليوم: الإسعاف والإيواء، وتوزيع المساعدات، ودعم التمدرس، "
                    "ومواكبة الأسر خلال فصول الشتاء."
                ),
            ),
            "fr": EventTexts(
                title="Exposition photo : trois ans de bénévolat après le séisme d’Al Haouz",
                description=(
                    "Le Croissant-Rouge marocain présente à Marrakech des photos qui retracent "
                    "l’action de ses bénévoles depuis les premières heures qui ont suivi le "
                    "séisme d’Al Haouz : secours et hébergement, distributions, soutien à la "
                    "scolarité et accompagnement des familles au fil des hivers."
                ),
            ),
            "en": EventTexts(
                title=(
                    "Photo exhibition: three years of volunteering after the Al Haouz earthquake"
                ),
                description=(
                    "In Marrakech, the Moroccan Red Crescent presents photos tracing its "
                    "volunteers' work from the first hours after the Al Haouz earthquake to "
                    "today: rescue and shelter, distributions, support for schooling and "
                    "accompanying families through the winters."
                ),
            ),
        },
        starts_day=26,
        starts_hour=17,
        duration_hours=3,
        city="Marrakech",
    ),
    EventSeed(
        key="ma-fes-youth-first-aid",
        tenant="ma-crescent",
        kind="TRAINING",
        texts={
            "fr": EventTexts(
                title="Initiation aux premiers secours pour les jeunes de Fès",
                description=(
                    "Une demi-journée d’initiation pour les jeunes de 16 à 25 ans : alerte, "
                    "position latérale de sécurité, massage cardiaque et gestes face à une "
                    "hémorragie. Les participants qui le souhaitent peuvent ensuite rejoindre les "
                    "équipes de bénévoles du comité."
                ),
            ),
            "ar": EventTexts(
                title="تكوين أولي في الإسعافات الأولية لشباب فاس",
                description=(
                    "نصف يوم من التكوين للشباب بين 16 و25 سنة: طلب النجدة، ووضعية الإفاقة "
                    "الجانبية، والتدليك القلبي، والتعامل مع النزيف. يمكن للمشاركين الراغبين "
                    "الالتحاق بعد ذلك بفرق متطوعي اللجنة."
                ),
            ),
        },
        starts_day=-5,
        starts_hour=9,
        duration_hours=4,
        city="Fès",
    ),
    EventSeed(
        key="tn-sfax-first-aid-square",
        tenant="tn-crescent",
        kind="AWARENESS_DAY",
        texts={
            "ar": EventTexts(
                title="يوم تحسيسي بالإسعافات الأولية في ساحة باب الديوان بصفاقس",
                description=(
                    "ينصب متطوعو الهلال الأحمر التونسي بصفاقس خيمة في ساحة باب الديوان لتعليم "
                    "المارة حركات إنقاذ الحياة في دقائق، مع عروض تطبيقية على الدمى وتوزيع مطويات "
                    "حول الإنعاش القلبي."
                ),
            ),
            "fr": EventTexts(
                title="Journée de sensibilisation aux premiers secours à Bab Diwan, Sfax",
                description=(
                    "Les bénévoles du Croissant-Rouge tunisien installent une tente place Bab "
                    "Diwan pour apprendre aux passants les gestes qui sauvent en quelques "
                    "minutes, avec des démonstrations sur mannequins et la distribution de "
                    "dépliants sur la réanimation cardiaque."
                ),
            ),
        },
        starts_day=9,
        starts_hour=10,
        duration_hours=6,
        city="Sfax",
    ),
    EventSeed(
        key="tn-maghreb-youth-meeting",
        tenant="tn-crescent",
        kind="MEETING",
        texts={
            "ar": EventTexts(
                title="لقاء تنسيقي لشباب الهلال الأحمر في المغرب العربي",
                description=(
                    "لقاء عن بعد يجمع مسؤولي الشباب في جمعيات الهلال الأحمر بتونس والجزائر "
                    "والمغرب وليبيا وموريتانيا لتبادل التجارب في استقطاب المتطوعين الشباب وتنسيق "
                    "حملات الشتاء."
                ),
            ),
            "fr": EventTexts(
                title="Réunion de coordination de la jeunesse du Croissant-Rouge au Maghreb",
                description=(
                    "Réunion en ligne des responsables jeunesse des Sociétés du Croissant-Rouge "
                    "de Tunisie, d’Algérie, du Maroc, de Libye et de Mauritanie pour partager "
                    "leurs expériences en matière de recrutement de jeunes bénévoles et "
                    "coordonner les campagnes d’hiver."
                ),
            ),
            "en": EventTexts(
                title="Maghreb Red Crescent youth coordination meeting",
                description=(
                    "An online meeting of youth leads from the Red Crescent societies of Tunisia, "
                    "Algeria, Morocco, Libya and Mauritania to share experience in recruiting "
                    "young volunteers and to coordinate winter campaigns."
                ),
            ),
        },
        starts_day=33,
        starts_hour=15,
        duration_hours=2,
        online_url="https://reunions.croissant-rouge.example.tn/jeunesse-maghreb",
        visibility="NETWORK",
    ),
)

NEWS: tuple[NewsSeed, ...] = (
    NewsSeed(
        key="arco-platform-launch",
        tenant="arco",
        texts={
            "ar": NewsTexts(
                title="الأمانة العامة تطلق المنصة العربية للتطوع",
                summary=(
                    "منصة رقمية لتنظيم العمل التطوعي وتنسيق العمل العربي الإنساني المشترك بين "
                    "الجمعيات الوطنية."
                ),
                body=(
                    "أطلقت الأمانة العامة للمنظمة العربية للهلال الأحمر والصليب الأحمر «المنصة "
                    "العربية للتطوع» بهدف تنمية قدرات المتطوعين وتنسيق العمل التطوعي وتنظيمه "
                    "وإدارته. وتتيح المنصة فرصا تطوعية عن بعد يمكن للمتطوع الوصول إليها في أي وقت "
                    "دون التقيد بمواعيد محددة، إضافة إلى فعاليات ومعارض وندوات، وإمكانية التواصل "
                    "مع مسؤول الفرصة التطوعية. ويحصل المتطوع على شهادة بعد إكمال كل فرصة، ويحفظ "
                    "في حسابه الفرص التي شارك فيها والشهادات التي نالها، فيما تحافظ المنصة على "
                    "سرية معلومات كل جمعية وطنية."
                ),
            ),
            "en": NewsTexts(
                title="Secretariat launches the Arab Volunteering Platform",
                summary=(
                    "A digital platform to organise volunteering and coordinate joint Arab "
                    "humanitarian work among national societies."
                ),
                body=(
                    "The General Secretariat of the Arab Red Crescent and Red Cross Organization "
                    "has launched the Arab Volunteering Platform to build volunteers' skills and "
                    "to coordinate, organise and manage volunteering. The platform offers remote "
                    "opportunities that volunteers can take up at any time, without fixed "
                    "schedules, as well as events, exhibitions and seminars, and lets volunteers "
                    "contact the manager of each opportunity. Volunteers receive a certificate "
                    "for every completed opportunity and keep their opportunities and "
                    "certificates in their account, while each national society's information "
                    "remains confidential."
                ),
            ),
            "fr": NewsTexts(
                title="Le Secrétariat lance la Plateforme arabe du volontariat",
                summary=(
                    "Une plateforme numérique pour organiser le volontariat et coordonner "
                    "l’action humanitaire arabe commune."
                ),
                body=(
                    "Le Secrétariat général de l’Organisation arabe du Croissant-Rouge et de la "
                    "Croix-Rouge a lancé la Plateforme arabe du volontariat, destinée à renforcer "
                    "les compétences des volontaires et à coordonner, organiser et gérer le "
                    "volontariat. Elle propose des missions à distance accessibles à tout moment, "
                    "sans horaires imposés, ainsi que des événements, des expositions et des "
                    "séminaires, et permet de contacter directement le responsable de chaque "
                    "mission. Chaque mission accomplie donne lieu à une attestation que le "
                    "volontaire retrouve dans son espace personnel ; les informations propres à "
                    "chaque Société nationale restent confidentielles."
                ),
            ),
        },
        published_day=-88,
        tags=("platform",),
        author="هالة الشمري",
    ),
    NewsSeed(
        key="arco-leaders-forum-announced",
        tenant="arco",
        texts={
            "ar": NewsTexts(
                title="الرياض تحتضن الملتقى الأول لقيادات التطوع بالجمعيات الوطنية",
                summary=(
                    "يناقش المشاركون طرق الاستفادة من المنصة العربية للتطوع في إدارة المتطوعين."
                ),
                body=(
                    "تستضيف الأمانة العامة في الرياض الملتقى الأول لقيادات التطوع بالجمعيات "
                    "الوطنية للهلال الأحمر والصليب الأحمر، بمشاركة مسؤولي التطوع في أكثر من خمس "
                    "عشرة جمعية. ويركز الملتقى على الاستفادة من المنصة العربية للتطوع في سرعة "
                    "استجابة المتطوعين واستقطابهم إلى المهام المستهدفة، وعلى توحيد الجهد الإعلامي "
                    "في نشر أخبار التطوع. وتبقى الفرصة مفتوحة أمام المتطوعين للانضمام إلى فريق "
                    "التنظيم أو فريق التغطية الرقمية."
                ),
            ),
            "en": NewsTexts(
                title="Riyadh to host the first Forum of Volunteer Leaders",
                summary=(
                    "Participants will discuss how national societies can use the Arab "
                    "Volunteering Platform to manage their volunteers."
                ),
                body=(
                    "The Secretariat will host in Riyadh the first Forum of Volunteer Leaders "
                    "from Red Crescent and Red Cross national societies, with heads of "
                    "volunteering from more than fifteen societies. The forum will focus on using "
                    "the Arab Volunteering Platform to mobilise volunteers faster and direct them "
                    "to the tasks where they are needed, and on sharing volunteering news across "
                    "societies. Volunteers can still join the organising team or the digital "
                    "coverage team."
                ),
            ),
        },
        published_day=-6,
        tags=("platform", "training"),
        author="سامي العتيبي",
    ),
    NewsSeed(
        key="arco-certificates-milestone",
        tenant="arco",
        texts={
            "ar": NewsTexts(
                title="أكثر من ألف شهادة تطوع عن بعد منذ إطلاق المنصة",
                summary="الترجمة والتصميم والمحتوى التوعوي في مقدمة الفرص التطوعية الرقمية.",
                body=(
                    "تجاوز عدد الشهادات التي أصدرتها المنصة العربية للتطوع ألف شهادة لمتطوعين "
                    "أكملوا فرصا تطوعية عن بعد. وتصدّرت الترجمة قائمة المجالات، تلتها تصاميم "
                    "حملات التوعية وكتابة المحتوى الرقمي. وتشكر الأمانة العامة المتطوعين من مختلف "
                    "الدول العربية على وقتهم وخبراتهم."
                ),
            ),
            "en": NewsTexts(
                title="Over a thousand remote volunteering certificates issued",
                summary=(
                    "Translation, design and awareness content lead the platform's digital "
                    "opportunities."
                ),
                body=(
                    "The Arab Volunteering Platform has now issued more than a thousand "
                    "certificates to volunteers who completed remote opportunities. Translation "
                    "comes first, followed by design for awareness campaigns and digital content "
                    "writing. The Secretariat thanks volunteers from across the Arab region for "
                    "their time and expertise."
                ),
            ),
            "fr": NewsTexts(
                title="Plus de mille attestations de volontariat à distance délivrées",
                summary=(
                    "Traduction, graphisme et contenus de sensibilisation en tête des missions "
                    "numériques."
                ),
                body=(
                    "La Plateforme arabe du volontariat a délivré plus de mille attestations à "
                    "des volontaires ayant mené à bien des missions à distance. La traduction "
                    "arrive en tête, devant le graphisme pour les campagnes de sensibilisation et "
                    "la rédaction de contenus numériques. Le Secrétariat remercie les volontaires "
                    "de toute la région arabe pour leur temps et leur savoir-faire."
                ),
            ),
        },
        published_day=-19,
        tags=("platform", "certificates"),
        author="Karima Bensalem",
    ),
    NewsSeed(
        key="setif-platform-launch",
        tenant="setif-youth",
        texts={
            "ar": NewsTexts(
                title="إطلاق منصة «لنتطوع» لتنظيم العمل التطوعي وتأطيره",
                summary="جسر رقمي بين المتطوعين وأصحاب الفرص التطوعية من مؤسسات وجمعيات وهيئات.",
                body=(
                    "أعلنت الجمعية الولائية للشباب المتطوع بسطيف عن إطلاق المنصة الرقمية «لنتطوع» "
                    "التي تربط بين الراغبين في التطوع وأصحاب الفرص التطوعية، وتضبط إحصائيات "
                    "الأعمال التطوعية لتكون منطلقا لبناء استراتيجيات المستقبل. وتستهدف المنصة "
                    "التلاميذ والطلبة الجامعيين والمتربصين في مراكز التكوين المهني، وكل أفراد "
                    "المجتمع بمن فيهم المتقاعدون. ويستفيد المسجلون من فرص للتكوين ومن شارات تُمنح "
                    "حسب الحجم الساعي للعمل التطوعي، ويتمثل الهدف الأولي في استقطاب نحو 40 ألف "
                    "مشارك."
                ),
            ),
            "fr": NewsTexts(
                title="Lancement de la plateforme « Linatatawaa » pour organiser le bénévolat",
                summary=(
                    "Un pont numérique entre les bénévoles et les institutions, associations et "
                    "organismes qui proposent des missions."
                ),
                body=(
                    "L’Association de wilaya des jeunes volontaires de Sétif a lancé la "
                    "plateforme numérique « Linatatawaa », qui met en relation les personnes "
                    "désireuses de s’engager et les structures proposant des missions de "
                    "bénévolat, tout en produisant des statistiques fiables sur l’action "
                    "bénévole. Elle s’adresse aux élèves, aux étudiants, aux stagiaires de la "
                    "formation professionnelle et à toute la société, retraités compris. Les "
                    "inscrits bénéficient de formations et de badges attribués selon leur volume "
                    "horaire de bénévolat ; l’objectif de départ est de réunir environ 40 000 "
                    "participants."
                ),
            ),
            "en": NewsTexts(
                title="Linatatawaa platform launched to organise volunteering",
                summary=(
                    "A digital bridge between volunteers and the institutions, associations and "
                    "bodies offering opportunities."
                ),
                body=(
                    "The Sétif Wilaya Association of Young Volunteers has launched Linatatawaa, a "
                    "digital platform connecting people who want to volunteer with organisations "
                    "offering opportunities, while keeping reliable statistics on volunteering. "
                    "It is aimed at pupils, university students, vocational trainees and everyone "
                    "else, retirees included. Members gain access to training and to badges "
                    "awarded according to their volunteering hours; the initial goal is to reach "
                    "about 40,000 participants."
                ),
            ),
        },
        published_day=-62,
        tags=("platform", "youth"),
        author="نسيم بلعيد",
    ),
    NewsSeed(
        key="setif-partnership-agreements",
        tenant="setif-youth",
        texts={
            "ar": NewsTexts(
                title="اتفاقيات شراكة مع جامعة سطيف 1 ومديرية التكوين المهني",
                summary="اتفاقيات تسمح للطلبة والمتربصين بتثمين ساعات تطوعهم المسجلة على المنصة.",
                body=(
                    "وقّعت الجمعية اتفاقيتي شراكة مع جامعة فرحات عباس سطيف 1 ومديرية التكوين "
                    "والتعليم المهنيين للولاية، تسمحان بنشر الفرص التطوعية داخل المؤسستين وتثمين "
                    "ساعات التطوع التي ينجزها الطلبة والمتربصون. كما تجري الجمعية اتصالات مع "
                    "مديرية التربية لإدراج أنشطة تطوعية لفائدة التلاميذ بموافقة أوليائهم."
                ),
            ),
            "fr": NewsTexts(
                title="Conventions avec l’Université Sétif 1 et la formation professionnelle",
                summary=(
                    "Des conventions qui permettent aux étudiants et aux stagiaires de valoriser "
                    "les heures enregistrées sur la plateforme."
                ),
                body=(
                    "L’association a signé deux conventions, avec l’Université Ferhat Abbas Sétif "
                    "1 et avec la direction de la formation et de l’enseignement professionnels "
                    "de la wilaya : les missions y seront diffusées et les heures de bénévolat "
                    "des étudiants et stagiaires valorisées. Des discussions sont également en "
                    "cours avec la direction de l’éducation pour proposer des activités aux "
                    "élèves, avec l’accord de leurs parents."
                ),
            ),
        },
        published_day=-33,
        tags=("youth", "partnership"),
        author="Sara Meziani",
    ),
    NewsSeed(
        key="setif-first-badges",
        tenant="setif-youth",
        texts={
            "ar": NewsTexts(
                title="أولى الشارات لمتطوعي «لنتطوع»",
                summary=(
                    "متطوعون بلغوا عشر ساعات تطوع ينالون الشارة البرونزية، وأوائل الشارات الفضية "
                    "في الطريق."
                ),
                body=(
                    "منحت منصة «لنتطوع» أولى شاراتها البرونزية للمتطوعين الذين تجاوزوا عشر ساعات "
                    "من العمل التطوعي المصادق عليه، بينهم تلاميذ ومتقاعدون ومتربصون. وتُمنح "
                    "الشارة الفضية عند بلوغ خمسين ساعة والذهبية عند مئة وخمسين ساعة. وستُكرّم "
                    "الجمعية أصحاب الشارات خلال الاحتفال باليوم العالمي للتطوع."
                ),
            ),
            "fr": NewsTexts(
                title="Premiers badges pour les bénévoles de la plateforme",
                summary=(
                    "Les bénévoles ayant atteint dix heures reçoivent le badge de bronze ; les "
                    "premiers badges d’argent approchent."
                ),
                body=(
                    "La plateforme a attribué ses premiers badges de bronze aux bénévoles ayant "
                    "dépassé dix heures de bénévolat validées, parmi lesquels des élèves, des "
                    "retraités et des stagiaires. Le badge d’argent est décerné à cinquante "
                    "heures et le badge d’or à cent cinquante. Les lauréats seront mis à "
                    "l’honneur lors de la Journée internationale des volontaires."
                ),
            ),
            "en": NewsTexts(
                title="First badges for Linatatawaa volunteers",
                summary=(
                    "Volunteers who have passed ten hours receive the bronze badge; the first "
                    "silver badges are close."
                ),
                body=(
                    "The platform has awarded its first bronze badges to volunteers with more "
                    "than ten verified volunteering hours, among them pupils, retirees and "
                    "vocational trainees. The silver badge comes at fifty hours and the gold "
                    "badge at one hundred and fifty. Badge holders will be honoured at the "
                    "International Volunteer Day celebration."
                ),
            ),
        },
        published_day=-11,
        tags=("youth", "platform"),
        author="نسيم بلعيد",
    ),
    NewsSeed(
        key="setif-eulma-floods",
        tenant="setif-youth",
        texts={
            "ar": NewsTexts(
                title="متطوعو الجمعية إلى جانب العائلات المتضررة من سيول العلمة",
                summary=(
                    "أكثر من أربعين متطوعا شاركوا في تنظيف المنازل وتوزيع الأغطية منذ الساعات "
                    "الأولى."
                ),
                body=(
                    "تجنّد أكثر من أربعين متطوعا من الجمعية منذ الساعات الأولى التي أعقبت السيول "
                    "التي اجتاحت الأحياء المنخفضة بمدينة العلمة، بالتنسيق مع الحماية المدنية "
                    "ومصالح البلدية. وشارك في العملية طلبة ومتربصون ومتقاعدون، أخرجوا الأوحال من "
                    "المنازل ووزعوا الأغطية والأفرشة على العائلات الأكثر تضررا. وما يزال باب "
                    "التسجيل مفتوحا عبر المنصة للراغبين في الالتحاق بالفرق."
                ),
            ),
        },
        published_day=-2,
        tags=("emergency", "youth"),
        author="نسيم بلعيد",
    ),
    NewsSeed(
        key="dz-chlef-floods",
        tenant="dz-crescent",
        texts={
            "ar": NewsTexts(
                title="الهلال الأحمر الجزائري يتدخل لإغاثة المتضررين من فيضانات الشلف",
                summary=(
                    "إيواء العائلات المتضررة وتوزيع الأغطية والوجبات الساخنة بالتنسيق مع السلطات "
                    "المحلية."
                ),
                body=(
                    "جنّد الهلال الأحمر الجزائري فرقه بولاية الشلف والولايات المجاورة لإغاثة "
                    "العائلات التي غمرت مياه الأمطار منازلها. وتكفلت الفرق بإيواء المتضررين في "
                    "مراكز مؤقتة، وتوزيع الأغطية والوجبات الساخنة، وتقديم الإسعافات الأولية "
                    "والدعم النفسي. ويدعو الهلال الأحمر المتطوعين الراغبين في المساعدة إلى "
                    "التسجيل في الفرصة المنشورة على المنصة."
                ),
            ),
            "fr": NewsTexts(
                title="Inondations à Chlef : le Croissant-Rouge algérien mobilisé",
                summary=(
                    "Hébergement des familles sinistrées, distribution de couvertures et de repas "
                    "chauds, en lien avec les autorités locales."
                ),
                body=(
                    "Le Croissant-Rouge algérien a mobilisé ses équipes de Chlef et des wilayas "
                    "voisines pour venir en aide aux familles dont les logements ont été inondés. "
                    "Les sinistrés sont hébergés dans des centres provisoires où ils reçoivent "
                    "couvertures, repas chauds, premiers secours et soutien psychologique. Les "
                    "bénévoles qui souhaitent prêter main-forte peuvent s’inscrire à la mission "
                    "publiée sur la plateforme."
                ),
            ),
        },
        published_day=-4,
        tags=("emergency",),
        author="محمد العيد قرفي",
    ),
    NewsSeed(
        key="dz-tizi-fires-review",
        tenant="dz-crescent",
        texts={
            "ar": NewsTexts(
                title="حصيلة تدخل المتطوعين خلال حرائق الغابات بتيزي وزو",
                summary=(
                    "آلاف الوجبات وعشرات الأطنان من المساعدات لفائدة العائلات المتضررة من حرائق "
                    "الصيف."
                ),
                body=(
                    "قدّم متطوعو الهلال الأحمر الجزائري بتيزي وزو، طوال أسابيع الحرائق، وجبات "
                    "ساخنة لعناصر الحماية المدنية والعائلات التي أُجليت من القرى المهددة، ووزعوا "
                    "عشرات الأطنان من المساعدات. وتستعد اللجنة الولائية الآن لحملة إعادة تشجير مع "
                    "بداية موسم الأمطار، بالتنسيق مع محافظة الغابات."
                ),
            ),
            "fr": NewsTexts(
                title="Incendies de forêt à Tizi Ouzou : le bilan de l’action des bénévoles",
                summary=(
                    "Des milliers de repas et des dizaines de tonnes d’aide pour les familles "
                    "touchées par les incendies de l’été."
                ),
                body=(
                    "Pendant les semaines d’incendies, les bénévoles du Croissant-Rouge algérien "
                    "de Tizi Ouzou ont servi des repas chauds aux agents de la Protection civile "
                    "et aux familles évacuées des villages menacés, et distribué des dizaines de "
                    "tonnes d’aide. Le comité de wilaya prépare désormais une campagne de "
                    "reboisement au début de la saison des pluies, avec la Conservation des "
                    "forêts."
                ),
            ),
            "en": NewsTexts(
                title="Tizi Ouzou wildfires: what volunteers achieved",
                summary=(
                    "Thousands of meals and dozens of tonnes of aid for families affected by the "
                    "summer fires."
                ),
                body=(
                    "Throughout the weeks of wildfires, Algerian Red Crescent volunteers in Tizi "
                    "Ouzou served hot meals to civil protection crews and to families evacuated "
                    "from threatened villages, and distributed dozens of tonnes of aid. The "
                    "provincial committee is now preparing a reforestation campaign for the start "
                    "of the rainy season, together with the forestry service."
                ),
            ),
        },
        published_day=-80,
        tags=("emergency", "environment"),
        author="Mourad Aït Saïd",
    ),
    NewsSeed(
        key="dz-constantine-blood-call",
        tenant="dz-crescent",
        texts={
            "ar": NewsTexts(
                title="نداء للتبرع بالدم بقسنطينة: الفصائل السالبة مطلوبة",
                summary=(
                    "المستشفى الجامعي بقسنطينة يسجل نقصا في الفصائل النادرة قبل يوم التبرع "
                    "المفتوح."
                ),
                body=(
                    "يسجل بنك الدم بالمركز الاستشفائي الجامعي بقسنطينة نقصا في الفصائل السالبة، "
                    "ولا سيما O السالبة. ويدعو الهلال الأحمر الجزائري المواطنين إلى المشاركة في "
                    "يوم التبرع المفتوح، والمتطوعين إلى التسجيل لدعم فريق الاستقبال."
                ),
            ),
            "fr": NewsTexts(
                title="Appel au don de sang à Constantine : les groupes négatifs recherchés",
                summary=(
                    "Le CHU de Constantine manque de groupes rares à l’approche de la journée "
                    "portes ouvertes du don."
                ),
                body=(
                    "La banque de sang du CHU de Constantine manque de groupes négatifs, en "
                    "particulier de O négatif. Le Croissant-Rouge algérien invite la population à "
                    "participer à la journée portes ouvertes du don, et les bénévoles à "
                    "s’inscrire pour renforcer l’équipe d’accueil."
                ),
            ),
        },
        published_day=-14,
        tags=("blood",),
        author="ليلى بوشارب",
    ),
    NewsSeed(
        key="eg-warm-winter-launch",
        tenant="eg-crescent",
        texts={
            "ar": NewsTexts(
                title="انطلاق حملة «شتاء دافئ» في محافظات الصعيد",
                summary="بطاطين وملابس شتوية للأسر الأولى بالرعاية، بمشاركة متطوعي الفروع.",
                body=(
                    "أطلق الهلال الأحمر المصري حملة «شتاء دافئ» من محافظة سوهاج، على أن تمتد إلى "
                    "محافظات الصعيد الأخرى خلال الأسابيع المقبلة. وتستهدف الحملة الأسر الأولى "
                    "بالرعاية في القرى الأكثر احتياجًا، وفق قوائم تُراجع بالتعاون مع الجمعيات "
                    "الأهلية. ويمكن للمتطوعين المشاركة ميدانيًا في التوزيع، أو عن بعد في إدخال "
                    "بيانات المستفيدين."
                ),
            ),
            "en": NewsTexts(
                title="Warm Winter campaign launched in Upper Egypt",
                summary=(
                    "Blankets and winter clothing for the most vulnerable families, with "
                    "volunteers from the branches."
                ),
                body=(
                    "The Egyptian Red Crescent has launched its Warm Winter campaign in Sohag "
                    "governorate, and will extend it to other Upper Egypt governorates in the "
                    "coming weeks. The campaign targets the most vulnerable families in the "
                    "villages most in need, using lists checked with local community "
                    "associations. Volunteers can help with distributions on the ground or with "
                    "beneficiary data entry from home."
                ),
            ),
            "fr": NewsTexts(
                title="Lancement de la campagne « Hiver au chaud » en Haute-Égypte",
                summary=(
                    "Couvertures et vêtements d’hiver pour les familles les plus vulnérables, "
                    "avec les volontaires des sections."
                ),
                body=(
                    "Le Croissant-Rouge égyptien a lancé sa campagne « Hiver au chaud » dans le "
                    "gouvernorat de Sohag ; elle s’étendra aux autres gouvernorats de "
                    "Haute-Égypte dans les semaines à venir. Elle cible les familles les plus "
                    "vulnérables des villages les plus démunis, à partir de listes vérifiées avec "
                    "les associations locales. Les volontaires peuvent participer aux "
                    "distributions sur le terrain ou à la saisie des données des bénéficiaires "
                    "depuis chez eux."
                ),
            ),
        },
        published_day=-15,
        tags=("relief", "winter"),
        author="محمود عبد الحليم",
    ),
    NewsSeed(
        key="eg-arish-convoys",
        tenant="eg-crescent",
        texts={
            "ar": NewsTexts(
                title="متطوعو العريش يواصلون تجهيز قوافل المساعدات الإنسانية",
                summary="مناوبات يومية في المركز اللوجستي لفرز المساعدات وتوثيقها وتحميلها.",
                body=(
                    "يواصل متطوعو الهلال الأحمر المصري العمل في مناوبات يومية بالمركز اللوجستي في "
                    "العريش لفرز المساعدات الإنسانية الواردة وتوثيقها وتحميلها على الشاحنات. وقد "
                    "انضم إلى الفرق خلال الأسبوعين الماضيين متطوعون من محافظات عدة، ولا تزال "
                    "الحاجة قائمة إلى أصحاب الخبرة في إدارة المخازن."
                ),
            ),
            "en": NewsTexts(
                title="El Arish volunteers keep humanitarian aid convoys moving",
                summary="Daily shifts at the logistics hub to sort, record and load aid.",
                body=(
                    "Egyptian Red Crescent volunteers continue to work daily shifts at the El "
                    "Arish logistics hub, sorting, recording and loading incoming humanitarian "
                    "aid. Volunteers from several governorates have joined the teams over the "
                    "past two weeks, and people with warehouse experience are still needed."
                ),
            ),
        },
        published_day=-9,
        tags=("emergency", "logistics"),
        author="كريم الشاذلي",
    ),
    NewsSeed(
        key="eg-aswan-family-links",
        tenant="eg-crescent",
        texts={
            "ar": NewsTexts(
                title="إعادة الروابط العائلية: لمّ شمل أسر قادمة من السودان في أسوان",
                summary="متطوعو أسوان يساعدون الأسر على استعادة الاتصال بذويها.",
                body=(
                    "ساعد متطوعو الهلال الأحمر المصري في أسوان خلال الشهر الماضي عشرات الأسر "
                    "القادمة من السودان على استعادة الاتصال بأقارب انقطعت أخبارهم، عبر خدمة إعادة "
                    "الروابط العائلية. ويقدم المتطوعون في نقاط الاستقبال المكالمات الهاتفية "
                    "المجانية وتسجيل طلبات البحث، إلى جانب الإسعافات الأولية والدعم النفسي."
                ),
            ),
            "en": NewsTexts(
                title="Restoring family links for families arriving from Sudan in Aswan",
                summary="Aswan volunteers help families get back in touch with their relatives.",
                body=(
                    "Over the past month, Egyptian Red Crescent volunteers in Aswan have helped "
                    "dozens of families arriving from Sudan reconnect with relatives they had "
                    "lost touch with, through the Restoring Family Links service. At the "
                    "reception points, volunteers offer free phone calls and register tracing "
                    "requests, alongside first aid and psychosocial support."
                ),
            ),
        },
        published_day=-41,
        tags=("refugees",),
        author="منى عثمان",
    ),
    NewsSeed(
        key="sa-umrah-season-readiness",
        tenant="sa-crescent",
        texts={
            "ar": NewsTexts(
                title="الهلال الأحمر يعزز فرقه التطوعية في المسجد الحرام",
                summary=(
                    "فتح باب التسجيل للمسعفين المتطوعين لموسم العمرة بعد اجتياز الدورة المعتمدة."
                ),
                body=(
                    "فتحت هيئة الهلال الأحمر السعودي بمنطقة مكة المكرمة باب التسجيل للمتطوعين "
                    "الراغبين في الانضمام إلى الفرق الإسعافية في المسجد الحرام خلال موسم العمرة. "
                    "ويُشترط اجتياز دورة الإسعافات الأولية المعتمدة من الهيئة وحضور اللقاء "
                    "التعريفي، وتُحتسب ساعات المناوبة في سجل المتطوع."
                ),
            ),
            "en": NewsTexts(
                title="Red Crescent reinforces volunteer teams at the Grand Mosque",
                summary=(
                    "Registration opens for volunteer first aiders for the Umrah season, after "
                    "the accredited course."
                ),
                body=(
                    "The Saudi Red Crescent Authority in Makkah Region has opened registration "
                    "for volunteers wishing to join the first aid teams at the Grand Mosque "
                    "during the Umrah season. Applicants must have passed the Authority's "
                    "accredited first aid course and attend the briefing, and shift hours are "
                    "added to each volunteer's record."
                ),
            ),
        },
        published_day=-7,
        tags=("training",),
        author="خالد الزهراني",
    ),
    NewsSeed(
        key="sa-jeddah-rain-alert",
        tenant="sa-crescent",
        texts={
            "ar": NewsTexts(
                title="رفع الجاهزية في جدة تحسبًا للحالة المطرية",
                summary="الهلال الأحمر يدعو المتطوعين المدربين إلى التسجيل في فرق المساندة.",
                body=(
                    "رفعت هيئة الهلال الأحمر السعودي جاهزية فرقها في جدة تحسبًا للأمطار الغزيرة "
                    "التي توقعها المركز الوطني للأرصاد. وتدعو الهيئة المتطوعين الحاصلين على دورات "
                    "الإسعافات الأولية إلى التسجيل في فرق المساندة، وتذكّر الجميع بالابتعاد عن "
                    "مجاري السيول والاتصال بـ٩٩٧ عند الحاجة."
                ),
            ),
        },
        published_day=-1,
        tags=("emergency",),
        author="خالد الزهراني",
    ),
    NewsSeed(
        key="sa-volunteer-hours-record",
        tenant="sa-crescent",
        texts={
            "ar": NewsTexts(
                title="متطوعو الهلال الأحمر السعودي يتجاوزون مليون ساعة تطوعية",
                summary="الإسعاف في المواسم والتوعية المجتمعية في مقدمة المجالات.",
                body=(
                    "تجاوز إجمالي ساعات التطوع الموثقة لمتطوعي هيئة الهلال الأحمر السعودي مليون "
                    "ساعة منذ بداية العام. وجاءت المشاركة في التغطيات الإسعافية خلال المواسم في "
                    "المقدمة، تلتها برامج التوعية المجتمعية وتدريب طلاب المدارس على الإسعافات "
                    "الأولية."
                ),
            ),
            "en": NewsTexts(
                title="Saudi Red Crescent volunteers pass one million hours",
                summary="Seasonal first aid cover and community awareness lead the way.",
                body=(
                    "Saudi Red Crescent Authority volunteers have logged more than one million "
                    "verified volunteering hours since the start of the year. First aid cover "
                    "during the pilgrimage seasons accounts for the largest share, followed by "
                    "community awareness programmes and first aid training for school students."
                ),
            ),
        },
        published_day=-50,
        tags=("platform",),
        author="نورة السبيعي",
    ),
    NewsSeed(
        key="lb-blood-drive-results",
        tenant="lb-redcross",
        texts={
            "fr": NewsTexts(
                title="Collectes de sang : 620 poches en un mois",
                summary=(
                    "Les premières semaines de la campagne « Ton sang sauve des vies » dépassent "
                    "les attentes."
                ),
                body=(
                    "Les collectes organisées dans les universités et les municipalités depuis le "
                    "début de la campagne ont permis de recueillir 620 poches de sang, dont une "
                    "part importante de premiers donneurs. Le Service de transfusion sanguine "
                    "remercie les donneurs et les volontaires, et rappelle que les besoins "
                    "restent élevés : de nouvelles collectes sont prévues, dont une à "
                    "l’Université Saint-Joseph."
                ),
            ),
            "ar": NewsTexts(
                title="حملات التبرع بالدم: 620 وحدة خلال شهر",
                summary="الأسابيع الأولى من حملة «دمك ينقذ حياة» تتجاوز التوقعات.",
                body=(
                    "أتاحت حملات التبرع التي نُظمت في الجامعات والبلديات منذ انطلاق الحملة جمع "
                    "620 وحدة دم، قدّم جزء كبير منها متبرعون للمرة الأولى. وتشكر دائرة نقل الدم "
                    "المتبرعين والمتطوعين، وتذكّر بأن الحاجة ما زالت كبيرة، إذ تُنظَّم حملات "
                    "جديدة من بينها حملة في جامعة القديس يوسف."
                ),
            ),
        },
        published_day=-24,
        tags=("blood",),
        author="Nadine Saliba",
    ),
    NewsSeed(
        key="lb-shelters-support",
        tenant="lb-redcross",
        texts={
            "ar": NewsTexts(
                title="الصليب الأحمر اللبناني يدعم مراكز إيواء النازحين في الجنوب",
                summary="توزيع مواد الإغاثة وتنظيم أنشطة للأطفال في مراكز الإيواء بصيدا ومحيطها.",
                body=(
                    "يواصل متطوعو الصليب الأحمر اللبناني دعم العائلات النازحة من القرى الحدودية "
                    "في مراكز الإيواء المؤقتة بصيدا ومحيطها. ووُزّعت خلال الأسبوع الأول الفرش "
                    "والأغطية وسلال النظافة على أكثر من 400 عائلة، إلى جانب وجبات ساخنة يومية "
                    "وأنشطة دعم نفسي اجتماعي للأطفال."
                ),
            ),
            "fr": NewsTexts(
                title="La Croix-Rouge libanaise auprès des familles déplacées du Sud",
                summary=(
                    "Distribution d’articles de secours et activités pour les enfants dans les "
                    "centres d’hébergement de Saïda."
                ),
                body=(
                    "Les volontaires de la Croix-Rouge libanaise continuent de soutenir les "
                    "familles déplacées des villages frontaliers dans les centres d’hébergement "
                    "de Saïda et de ses environs. En une semaine, plus de 400 familles ont reçu "
                    "matelas, couvertures et kits d’hygiène, ainsi que des repas chauds "
                    "quotidiens ; des activités de soutien psychosocial sont proposées aux "
                    "enfants."
                ),
            ),
            "en": NewsTexts(
                title="Lebanese Red Cross supports shelters for displaced families in the south",
                summary=(
                    "Relief items and activities for children in shelters in and around Saida."
                ),
                body=(
                    "Lebanese Red Cross volunteers continue to support families displaced from "
                    "border villages in temporary shelters in and around Saida. In the first "
                    "week, more than 400 families received mattresses, blankets and hygiene kits, "
                    "along with daily hot meals, and psychosocial activities are being run for "
                    "children."
                ),
            ),
        },
        published_day=-6,
        tags=("emergency",),
        author="علي حمود",
    ),
    NewsSeed(
        key="ma-alhaouz-winter-plan",
        tenant="ma-crescent",
        texts={
            "ar": NewsTexts(
                title="الهلال الأحمر المغربي يطلق خطة الشتاء لفائدة متضرري زلزال الحوز",
                summary=(
                    "قوافل لتوزيع الأغطية والمدافئ وعزل المساكن المؤقتة في دواوير الأطلس الكبير."
                ),
                body=(
                    "أطلق الهلال الأحمر المغربي خطته الشتوية لفائدة الأسر التي ما تزال تقيم في "
                    "مساكن مؤقتة بإقليم الحوز. وتشمل الخطة توزيع الأغطية والأفرشة العازلة "
                    "والمدافئ، وتقوية الخيام قبل موجات البرد، ومواكبة الأسر الأكثر هشاشة. ويدعو "
                    "الهلال الأحمر المتطوعين، ولا سيما الناطقين بالأمازيغية، إلى الالتحاق "
                    "بالقوافل."
                ),
            ),
            "fr": NewsTexts(
                title="Séisme d’Al Haouz : le Croissant-Rouge marocain lance son plan hiver",
                summary=(
                    "Des convois pour distribuer couvertures et poêles et isoler les abris "
                    "provisoires dans les douars du Haut Atlas."
                ),
                body=(
                    "Le Croissant-Rouge marocain a lancé son plan hiver en faveur des familles "
                    "qui vivent encore dans des abris provisoires dans la province d’Al Haouz. Il "
                    "prévoit la distribution de couvertures, de matelas isolants et de poêles, le "
                    "renforcement des tentes avant les vagues de froid et l’accompagnement des "
                    "familles les plus vulnérables. Les bénévoles, en particulier amazighophones, "
                    "sont invités à rejoindre les convois."
                ),
            ),
            "en": NewsTexts(
                title="Al Haouz earthquake: Moroccan Red Crescent launches its winter plan",
                summary=(
                    "Convoys to distribute blankets and stoves and insulate temporary shelters in "
                    "High Atlas villages."
                ),
                body=(
                    "The Moroccan Red Crescent has launched its winter plan for families still "
                    "living in temporary shelters in Al Haouz province. The plan covers blankets, "
                    "insulating mattresses and stoves, reinforcing tents before the cold spells "
                    "and accompanying the most vulnerable families. Volunteers, especially "
                    "Amazigh speakers, are invited to join the convoys."
                ),
            ),
        },
        published_day=-13,
        tags=("emergency", "winter"),
        author="رشيد أوباها",
    ),
    NewsSeed(
        key="ma-school-kits-delivered",
        tenant="ma-crescent",
        texts={
            "fr": NewsTexts(
                title="1 200 cartables remis aux élèves d’Amizmiz",
                summary=(
                    "La campagne de rentrée scolaire pour les enfants des zones sinistrées touche "
                    "à sa fin."
                ),
                body=(
                    "Les bénévoles du Croissant-Rouge marocain ont remis 1 200 cartables complets "
                    "aux élèves des écoles d’Amizmiz, dont beaucoup étudient encore dans des "
                    "classes préfabriquées. Chaque distribution s’est accompagnée d’un atelier "
                    "sur l’hygiène et les premiers gestes, animé avec les enseignants. Merci aux "
                    "donateurs et aux bénévoles venus de Marrakech et de toute la région."
                ),
            ),
        },
        published_day=-5,
        tags=("youth", "education"),
        author="Fatima Ezzahra El Idrissi",
    ),
    NewsSeed(
        key="tn-sfax-first-aiders-graduate",
        tenant="tn-crescent",
        texts={
            "ar": NewsTexts(
                title="تخرج دفعة جديدة من المسعفين المتطوعين بصفاقس",
                summary=(
                    "خمسة وثلاثون متطوعا يتحصلون على شهادة الإسعافات الأولية بعد تكوين دام ثلاثة "
                    "أسابيع."
                ),
                body=(
                    "تسلّم خمسة وثلاثون متطوعا ومتطوعة شهادات الإسعافات الأولية في حفل نظمته "
                    "الهيئة الجهوية للهلال الأحمر التونسي بصفاقس، إثر تكوين نظري وتطبيقي دام "
                    "ثلاثة أسابيع. وسينضم المتخرجون إلى فرق التدخل في التظاهرات الرياضية "
                    "والثقافية وإلى فرق المساعدة الإنسانية في الجهة."
                ),
            ),
            "fr": NewsTexts(
                title="Une nouvelle promotion de secouristes bénévoles à Sfax",
                summary=(
                    "Trente-cinq bénévoles obtiennent leur certificat de premiers secours après "
                    "trois semaines de formation."
                ),
                body=(
                    "Trente-cinq bénévoles ont reçu leur certificat de premiers secours lors "
                    "d’une cérémonie organisée par le comité régional du Croissant-Rouge tunisien "
                    "à Sfax, au terme de trois semaines de formation théorique et pratique. Les "
                    "nouveaux secouristes rejoindront les équipes de couverture des "
                    "manifestations sportives et culturelles ainsi que les équipes d’assistance "
                    "humanitaire de la région."
                ),
            ),
        },
        published_day=-27,
        tags=("training", "youth"),
        author="هالة الغربي",
    ),
    NewsSeed(
        key="tn-bousalem-flood",
        tenant="tn-crescent",
        texts={
            "ar": NewsTexts(
                title="فيضان وادي مجردة: الهلال الأحمر يتدخل في بوسالم",
                summary="إجلاء عائلات وتوزيع أغطية ومياه شرب بالتنسيق مع الحماية المدنية.",
                body=(
                    "تدخلت فرق الهلال الأحمر التونسي بجندوبة منذ الساعات الأولى لفيضان وادي مجردة "
                    "لمساعدة العائلات المتضررة في معتمدية بوسالم، بالتنسيق مع الحماية المدنية "
                    "والسلط الجهوية. وتم إجلاء عدد من العائلات نحو مراكز إيواء مؤقتة، وتوزيع "
                    "الأغطية والمواد الغذائية ومياه الشرب. وتتواصل التدخلات مع استمرار التقلبات "
                    "الجوية."
                ),
            ),
            "fr": NewsTexts(
                title="Crue de la Medjerda : le Croissant-Rouge intervient à Bou Salem",
                summary=(
                    "Évacuation de familles, distribution de couvertures et d’eau potable en "
                    "coordination avec la Protection civile."
                ),
                body=(
                    "Dès les premières heures de la crue de la Medjerda, les équipes du "
                    "Croissant-Rouge tunisien de Jendouba sont intervenues auprès des familles "
                    "sinistrées de la délégation de Bou Salem, en coordination avec la Protection "
                    "civile et les autorités régionales. Plusieurs familles ont été évacuées vers "
                    "des centres d’hébergement provisoires, et des couvertures, des vivres et de "
                    "l’eau potable ont été distribués. Les interventions se poursuivent tant que "
                    "dure l’épisode pluvieux."
                ),
            ),
            "en": NewsTexts(
                title="Medjerda flood: Red Crescent responds in Bou Salem",
                summary=(
                    "Families evacuated and blankets and drinking water distributed, in "
                    "coordination with Civil Protection."
                ),
                body=(
                    "From the first hours of the Medjerda flood, Tunisian Red Crescent teams from "
                    "Jendouba have been helping affected families in Bou Salem district, in "
                    "coordination with Civil Protection and regional authorities. Several "
                    "families have been evacuated to temporary shelters, and blankets, food and "
                    "drinking water have been distributed. Operations continue while the bad "
                    "weather lasts."
                ),
            ),
        },
        published_day=0,
        tags=("emergency",),
        author="ريم الماجري",
    ),
    NewsSeed(
        key="dz-chlef-lessons-learned",
        tenant="dz-crescent",
        texts={
            "ar": NewsTexts(
                title="دروس مستخلصة من الاستجابة لفيضانات الشلف",
                summary="مذكرة داخلية موجهة إلى منسقي الجمعيات الوطنية حول تنظيم فرق المتطوعين.",
                body=(
                    "تعرض هذه المذكرة ما تعلمته فرق الهلال الأحمر الجزائري خلال الأيام الأولى من "
                    "الاستجابة لفيضانات الشلف: توزيع المتطوعين على نقاط الإيواء، وتناوب الفرق كل "
                    "ست ساعات، والتنسيق مع الحماية المدنية. وهي موجهة إلى منسقي الجمعيات "
                    "الوطنية الأعضاء في الشبكة ولا تُنشر للعموم."
                ),
            ),
            "fr": NewsTexts(
                title="Inondations de Chlef : les enseignements de l’intervention",
                summary=(
                    "Note interne destinée aux coordinateurs des Sociétés nationales sur "
                    "l’organisation des équipes de volontaires."
                ),
                body=(
                    "Cette note rassemble ce que les équipes du Croissant-Rouge algérien ont "
                    "appris pendant les premiers jours de l’intervention à Chlef : répartition "
                    "des volontaires entre les centres d’hébergement, relève des équipes toutes "
                    "les six heures, coordination avec la Protection civile. Elle s’adresse aux "
                    "coordinateurs du réseau et n’est pas publique."
                ),
            ),
        },
        published_day=-3,
        tags=("emergency", "coordination"),
        author="Karima Boudiaf",
        visibility="NETWORK",
    ),
    NewsSeed(
        key="setif-volunteer-day-programme-draft",
        tenant="setif-youth",
        texts={
            "ar": NewsTexts(
                title="برنامج اليوم العالمي للتطوع بسطيف (مسودة)",
                summary="مسودة البرنامج قبل مصادقة مكتب الجمعية.",
                body=(
                    "تتضمن المسودة معرضًا للجمعيات الشريكة بساحة الاستقلال، وحملة تشجير مع "
                    "تلاميذ الثانويات، وتكريم المتطوعين الحاصلين على الشارات. ينتظر البرنامج "
                    "مصادقة مكتب الجمعية قبل نشره."
                ),
            ),
        },
        published_day=0,
        tags=("youth",),
        author="Samir A.",
        status="DRAFT",
    ),
)

# Volunteers register with the names and contact details they use every day; applications
# are (opportunity key, status, hours logged, hours verified).
VOLUNTEERS: tuple[VolunteerSeed, ...] = (
    VolunteerSeed(
        key="amina-benali", first_name="Amina", last_name="Benali",
        group="UNIVERSITY_STUDENT", birth_year=2002, country="DZ", city="Sétif",
        tenants=("setif-youth", "dz-crescent"), languages=("ar", "fr", "en"),
        skills=("FIRST_AID_CERTIFIED", "TEACHING", "SOCIAL_MEDIA"),
        email="amina.benali@mail.example.dz", phone="+213 661 47 20 93",
        shares_with_network=True,
        applications=(
            ("setif-bac-tutoring", "ACCEPTED", 18, 12),
            ("setif-platform-ambassadors", "APPLIED", 0, 0),
            ("setif-eulma-flood-cleanup", "COMPLETED", 4, 4),
        ),
        saved=("setif-volunteer-village", "dz-tizi-reforestation"),
    ),
    VolunteerSeed(
        key="rania-hamidi", first_name="Rania", last_name="Hamidi",
        group="PUPIL", birth_year=2009, country="DZ", city="Sétif",
        tenants=("setif-youth",), languages=("ar", "fr"), skills=(),
        email="rania.hamidi@mail.example.dz", phone="+213 551 30 62 18",
        applications=(
            ("setif-school-tree-planting", "APPLIED", 0, 0),
            ("setif-volunteer-village", "APPLIED", 0, 0),
        ),
        saved=("setif-bac-tutoring",),
    ),
    VolunteerSeed(
        key="lina-saadi", first_name="Lina", last_name="Saadi",
        group="PUPIL", birth_year=2010, country="DZ", city="Sétif",
        tenants=("setif-youth",), languages=("ar", "fr", "en"), skills=("PHOTOGRAPHY",),
        email="lina.saadi@mail.example.dz", phone="+213 770 18 44 52",
        applications=(("setif-school-tree-planting", "ACCEPTED", 0, 0),),
        saved=("setif-volunteer-village",),
    ),
    VolunteerSeed(
        key="younes-ferhati", first_name="Younes", last_name="Ferhati",
        group="PUPIL", birth_year=2008, country="DZ", city="El Eulma",
        tenants=("setif-youth",), languages=("ar", "fr"), skills=(),
        email="younes.ferhati@mail.example.dz", phone="+213 558 14 96 02",
        applications=(
            ("setif-eulma-flood-cleanup", "COMPLETED", 4, 4),
            ("setif-platform-ambassadors", "REJECTED", 0, 0),
        ),
        saved=("setif-cfpa-school-desks",),
    ),
    VolunteerSeed(
        key="abdelkader-mebarki", first_name="Abdelkader", last_name="Mebarki",
        group="RETIREE", birth_year=1956, country="DZ", city="Sétif",
        tenants=("setif-youth",), languages=("ar", "fr"), skills=("TEACHING", "DRIVING"),
        email="abdelkader.mebarki@mail.example.dz", phone="+213 662 05 71 38",
        applications=(
            ("setif-elderly-home-visit", "ACCEPTED", 0, 0),
            ("setif-bac-tutoring", "ACCEPTED", 24, 24),
            ("setif-eulma-flood-cleanup", "COMPLETED", 4, 4),
        ),
    ),
    VolunteerSeed(
        key="fatima-zohra-cherif", first_name="فاطمة الزهراء", last_name="شريف",
        group="RETIREE", birth_year=1961, country="DZ", city="Sétif",
        tenants=("setif-youth",), languages=("ar",), skills=("NURSING", "COOKING"),
        email="fz.cherif@mail.example.dz", phone="+213 699 24 10 57",
        applications=(
            ("setif-elderly-home-visit", "APPLIED", 0, 0),
            ("setif-eulma-flood-cleanup", "ACCEPTED", 4, 0),
        ),
        saved=("setif-volunteer-village",),
    ),
    VolunteerSeed(
        key="oussama-rahmani", first_name="Oussama", last_name="Rahmani",
        group="VOCATIONAL_TRAINEE", birth_year=2005, country="DZ", city="El Eulma",
        tenants=("setif-youth",), languages=("ar", "fr"), skills=("EVENT_ORGANIZING",),
        email="oussama.rahmani@mail.example.dz", phone="+213 555 63 29 81",
        shares_with_network=True,
        applications=(
            ("setif-cfpa-school-desks", "ACCEPTED", 0, 0),
            ("setif-eulma-flood-cleanup", "COMPLETED", 4, 4),
        ),
    ),
    VolunteerSeed(
        key="khadidja-boudiaf", first_name="Khadidja", last_name="Boudiaf",
        group="VOCATIONAL_TRAINEE", birth_year=2004, country="DZ", city="El Eulma",
        tenants=("setif-youth",), languages=("ar", "fr"), skills=("COOKING",),
        email="khadidja.boudiaf@mail.example.dz", phone="+213 541 72 06 13",
        applications=(
            ("setif-cfpa-school-desks", "APPLIED", 0, 0),
            ("setif-volunteer-village", "APPLIED", 0, 0),
        ),
        saved=("setif-elderly-home-visit",),
    ),
    VolunteerSeed(
        key="abdelhamid-kacemi", first_name="عبد الحميد", last_name="قاسمي",
        group="EMPLOYED", birth_year=1984, country="DZ", city="Sétif",
        tenants=("setif-youth", "dz-crescent"), languages=("ar", "fr"),
        skills=("TEACHING", "EVENT_ORGANIZING", "FIRST_AID_CERTIFIED"),
        email="abdelhamid.kacemi@mail.example.dz", phone="+213 661 88 35 02",
        shares_with_network=True,
        applications=(
            ("setif-school-tree-planting", "ACCEPTED", 0, 0),
            ("setif-platform-ambassadors", "ACCEPTED", 0, 0),
            ("dz-coordinators-training", "ACCEPTED", 0, 0),
        ),
    ),
    VolunteerSeed(
        key="yacine-bouzid", first_name="Yacine", last_name="Bouzid",
        group="EMPLOYED", birth_year=1990, country="DZ", city="Oran",
        tenants=("dz-crescent",), languages=("ar", "fr", "en"), skills=("DRIVING", "LOGISTICS"),
        email="yacine.bouzid@mail.example.dz", phone="+213 770 52 14 69",
        shares_with_network=True,
        applications=(
            ("dz-oran-ramadan-baskets", "ACCEPTED", 0, 0),
            ("dz-oran-elderly-visits", "ACCEPTED", 12, 9),
        ),
    ),
    VolunteerSeed(
        key="meriem-zerrouki", first_name="Meriem", last_name="Zerrouki",
        group="UNEMPLOYED", birth_year=1997, country="DZ", city="Oran",
        tenants=("dz-crescent", "arco"), languages=("ar", "fr", "en"),
        skills=("DATA_ENTRY", "SOCIAL_MEDIA", "TRANSLATION_AR_FR"),
        email="meriem.zerrouki@mail.example.dz", phone="+213 553 40 91 27",
        shares_with_network=True,
        applications=(
            ("dz-oran-ramadan-baskets", "APPLIED", 0, 0),
            ("dz-oran-elderly-visits", "COMPLETED", 15, 15),
            ("arco-volunteer-guide-fr", "ACCEPTED", 10, 6),
        ),
        saved=("arco-training-video-subtitles",),
    ),
    VolunteerSeed(
        key="houari-benaouda", first_name="Houari", last_name="Benaouda",
        group="RETIREE", birth_year=1958, country="DZ", city="Oran",
        tenants=("dz-crescent",), languages=("ar", "fr"), skills=("DRIVING", "COOKING"),
        email="houari.benaouda@mail.example.dz", phone="+213 661 09 45 83",
        applications=(
            ("dz-oran-elderly-visits", "ACCEPTED", 21, 21),
            ("dz-oran-ramadan-baskets", "ACCEPTED", 0, 0),
        ),
    ),
    VolunteerSeed(
        key="sofiane-ait-ouali", first_name="Sofiane", last_name="Aït Ouali",
        group="SELF_EMPLOYED", birth_year=1988, country="DZ", city="Tizi Ouzou",
        tenants=("dz-crescent",), languages=("kab", "fr", "ar"),
        skills=("PHOTOGRAPHY", "VIDEO_EDITING", "DRIVING"),
        email="sofiane.aitouali@mail.example.dz", phone="+213 550 37 62 94",
        applications=(("dz-tizi-reforestation", "APPLIED", 0, 0),),
        saved=("dz-chlef-flood-relief",),
    ),
    VolunteerSeed(
        key="nour-el-houda-ferhat", first_name="Nour El Houda", last_name="Ferhat",
        group="UNIVERSITY_STUDENT", birth_year=2001, country="DZ", city="Constantine",
        tenants=("dz-crescent",), languages=("ar", "fr", "en"),
        skills=("NURSING", "FIRST_AID_CERTIFIED"),
        email="nourelhouda.ferhat@mail.example.dz", phone="+213 697 21 58 40",
        shares_with_network=True,
        applications=(("dz-constantine-blood-drive", "ACCEPTED", 0, 0),),
        saved=("dz-tizi-reforestation",),
    ),
    VolunteerSeed(
        key="walid-hadjadj", first_name="Walid", last_name="Hadjadj",
        group="UNEMPLOYED", birth_year=1999, country="DZ", city="Chlef",
        tenants=("dz-crescent",), languages=("ar", "fr"),
        skills=("FIRST_AID_CERTIFIED", "LOGISTICS"),
        email="walid.hadjadj@mail.example.dz", phone="+213 771 64 03 25",
        applications=(("dz-chlef-flood-relief", "COMPLETED", 8, 8),),
    ),
    VolunteerSeed(
        key="samira-belkacem", first_name="Samira", last_name="Belkacem",
        group="OTHER", birth_year=1979, country="DZ", city="Chlef",
        tenants=("dz-crescent",), languages=("ar",), skills=("COOKING", "PSYCHOSOCIAL_SUPPORT"),
        email="samira.belkacem@mail.example.dz", phone="+213 664 82 17 39",
        applications=(("dz-chlef-flood-relief", "ACCEPTED", 8, 0),),
    ),
    VolunteerSeed(
        key="mohamed-abdelrahman", first_name="Mohamed", last_name="Abdelrahman",
        group="UNIVERSITY_STUDENT", birth_year=2003, country="EG", city="Giza",
        tenants=("eg-crescent",), languages=("ar", "en"),
        skills=("EVENT_ORGANIZING", "SOCIAL_MEDIA"),
        email="mohamed.abdelrahman@mail.example.eg", phone="+20 100 482 7391",
        shares_with_network=True,
        applications=(
            ("eg-cairo-univ-health-day", "APPLIED", 0, 0),
            ("eg-winter-beneficiary-data", "ACCEPTED", 12, 8),
        ),
    ),
    VolunteerSeed(
        key="nourhan-elsayed", first_name="Nourhan", last_name="El-Sayed",
        group="EMPLOYED", birth_year=1993, country="EG", city="Alexandria",
        tenants=("eg-crescent",), languages=("ar", "en"),
        skills=("FIRST_AID_CERTIFIED", "NURSING", "TEACHING"),
        email="nourhan.elsayed@mail.example.eg", phone="+20 122 318 5047",
        applications=(("eg-alex-school-first-aid", "ACCEPTED", 0, 0),),
        saved=("eg-cairo-univ-health-day",),
    ),
    VolunteerSeed(
        key="ahmed-fathy", first_name="Ahmed", last_name="Fathy",
        group="SELF_EMPLOYED", birth_year=1985, country="EG", city="Sohag",
        tenants=("eg-crescent",), languages=("ar",), skills=("DRIVING", "LOGISTICS"),
        email="ahmed.fathy@mail.example.eg", phone="+20 111 604 2283",
        applications=(
            ("eg-sohag-winter-blankets", "ACCEPTED", 0, 0),
            ("eg-arish-aid-convoys", "COMPLETED", 36, 36),
        ),
    ),
    VolunteerSeed(
        key="mariam-youssef", first_name="Mariam", last_name="Youssef",
        group="UNEMPLOYED", birth_year=1998, country="EG", city="Cairo",
        tenants=("eg-crescent", "arco"), languages=("ar", "en", "fr"),
        skills=("TRANSLATION_AR_EN", "TRANSLATION_AR_FR", "DATA_ENTRY"),
        email="mariam.youssef@mail.example.eg", phone="+20 101 257 9936",
        shares_with_network=True,
        applications=(
            ("eg-winter-beneficiary-data", "COMPLETED", 20, 20),
            ("arco-translate-field-reports", "ACCEPTED", 12, 8),
            ("arco-training-video-subtitles", "APPLIED", 0, 0),
        ),
    ),
    VolunteerSeed(
        key="hassan-abdelaziz", first_name="Hassan", last_name="Abdelaziz",
        group="RETIREE", birth_year=1955, country="EG", city="Aswan",
        tenants=("eg-crescent",), languages=("ar", "en"),
        skills=("PSYCHOSOCIAL_SUPPORT", "TEACHING"),
        email="hassan.abdelaziz@mail.example.eg", phone="+20 127 840 1165",
        applications=(("eg-aswan-sudan-arrivals", "ACCEPTED", 30, 24),),
    ),
    VolunteerSeed(
        key="yara-mostafa", first_name="Yara", last_name="Mostafa",
        group="PUPIL", birth_year=2009, country="EG", city="Alexandria",
        tenants=("eg-crescent",), languages=("ar", "en"), skills=(),
        email="yara.mostafa@mail.example.eg", phone="+20 109 553 7208",
        applications=(("eg-alex-school-first-aid", "REJECTED", 0, 0),),
        saved=("eg-cairo-univ-health-day",),
    ),
    VolunteerSeed(
        key="mostafa-abouzeid", first_name="Mostafa", last_name="Abouzeid",
        group="EMPLOYED", birth_year=1991, country="EG", city="El Arish",
        tenants=("eg-crescent",), languages=("ar", "en"),
        skills=("LOGISTICS", "DATA_ENTRY", "DRIVING"),
        email="mostafa.abouzeid@mail.example.eg", phone="+20 114 276 3019",
        applications=(("eg-arish-aid-convoys", "ACCEPTED", 48, 40),),
    ),
    VolunteerSeed(
        key="abdullah-alqahtani", first_name="Abdullah", last_name="Al-Qahtani",
        group="UNIVERSITY_STUDENT", birth_year=2002, country="SA", city="Riyadh",
        tenants=("sa-crescent",), languages=("ar", "en"),
        skills=("FIRST_AID_CERTIFIED", "EVENT_ORGANIZING"),
        email="abdullah.alqahtani@mail.example.sa", phone="+966 55 318 4720",
        shares_with_network=True,
        applications=(("sa-riyadh-997-awareness", "ACCEPTED", 0, 0),),
    ),
    VolunteerSeed(
        key="reem-alharbi", first_name="Reem", last_name="Al-Harbi",
        group="EMPLOYED", birth_year=1994, country="SA", city="Jeddah",
        tenants=("sa-crescent",), languages=("ar", "en"),
        skills=("NURSING", "FIRST_AID_CERTIFIED"),
        email="reem.alharbi@mail.example.sa", phone="+966 50 927 1436",
        applications=(
            ("sa-jeddah-rain-readiness", "ACCEPTED", 0, 0),
            ("sa-makkah-umrah-first-aid", "ACCEPTED", 0, 0),
        ),
    ),
    VolunteerSeed(
        key="faisal-alotaibi", first_name="Faisal", last_name="Al-Otaibi",
        group="EMPLOYED", birth_year=1987, country="SA", city="Makkah",
        tenants=("sa-crescent",), languages=("ar", "en"),
        skills=("FIRST_AID_CERTIFIED", "DRIVING"),
        email="faisal.alotaibi@mail.example.sa", phone="+966 54 602 8813",
        applications=(
            ("sa-makkah-umrah-first-aid", "ACCEPTED", 0, 0),
            ("sa-jeddah-rain-readiness", "WITHDRAWN", 0, 0),
        ),
    ),
    VolunteerSeed(
        key="nouf-alshehri", first_name="Nouf", last_name="Al-Shehri",
        group="UNIVERSITY_STUDENT", birth_year=2001, country="SA", city="Abha",
        tenants=("sa-crescent", "arco"), languages=("ar", "en"),
        skills=("GRAPHIC_DESIGN", "VIDEO_EDITING", "SOCIAL_MEDIA"),
        email="nouf.alshehri@mail.example.sa", phone="+966 56 241 7095",
        shares_with_network=True,
        applications=(
            ("sa-motion-graphics", "COMPLETED", 16, 16),
            ("arco-awareness-infographics", "ACCEPTED", 9, 9),
            ("arco-leaders-forum-team", "APPLIED", 0, 0),
        ),
    ),
    VolunteerSeed(
        key="saad-aldosari", first_name="Saad", last_name="Al-Dosari",
        group="RETIREE", birth_year=1960, country="SA", city="Dammam",
        tenants=("sa-crescent",), languages=("ar", "en"),
        skills=("FIRST_AID_CERTIFIED", "TEACHING"),
        email="saad.aldosari@mail.example.sa", phone="+966 50 384 6621",
        applications=(("sa-dammam-school-cpr", "ACCEPTED", 0, 0),),
    ),
    VolunteerSeed(
        key="karim-haddad", first_name="Karim", last_name="Haddad",
        group="UNIVERSITY_STUDENT", birth_year=2003, country="LB", city="Beirut",
        tenants=("lb-redcross",), languages=("ar", "fr", "en"),
        skills=("FIRST_AID_CERTIFIED", "NURSING"),
        email="karim.haddad@mail.example.lb", phone="+961 3 415 208",
        shares_with_network=True,
        applications=(
            ("lb-usj-blood-drive", "ACCEPTED", 0, 0),
            ("lb-saida-shelters", "COMPLETED", 12, 12),
        ),
    ),
    VolunteerSeed(
        key="joelle-khoury", first_name="Joëlle", last_name="Khoury",
        group="EMPLOYED", birth_year=1989, country="LB", city="Beirut",
        tenants=("lb-redcross",), languages=("fr", "ar", "en"),
        skills=("PSYCHOSOCIAL_SUPPORT", "TEACHING"),
        email="joelle.khoury@mail.example.lb", phone="+961 71 284 903",
        applications=(
            ("lb-beirut-school-pss", "ACCEPTED", 0, 0),
            ("lb-saida-shelters", "ACCEPTED", 12, 6),
        ),
    ),
    VolunteerSeed(
        key="rami-saab", first_name="Rami", last_name="Saab",
        group="SELF_EMPLOYED", birth_year=1983, country="LB", city="Tripoli",
        tenants=("lb-redcross",), languages=("ar", "fr", "en"),
        skills=("DRIVING", "FIRST_AID_CERTIFIED"),
        email="rami.saab@mail.example.lb", phone="+961 3 760 142",
        shares_with_network=True,
        applications=(("lb-first-aid-trainers", "ACCEPTED", 0, 0),),
        saved=("lb-usj-blood-drive",),
    ),
    VolunteerSeed(
        key="hiba-hamdan", first_name="Hiba", last_name="Hamdan",
        group="UNEMPLOYED", birth_year=2000, country="LB", city="Saida",
        tenants=("lb-redcross",), languages=("ar", "en"),
        skills=("COOKING", "PSYCHOSOCIAL_SUPPORT"),
        email="hiba.hamdan@mail.example.lb", phone="+961 76 518 330",
        applications=(("lb-saida-shelters", "ACCEPTED", 12, 8),),
    ),
    VolunteerSeed(
        key="layal-nasrallah", first_name="Layal", last_name="Nasrallah",
        group="PUPIL", birth_year=2009, country="LB", city="Beirut",
        tenants=("lb-redcross",), languages=("ar", "fr", "en"), skills=(),
        email="layal.nasrallah@mail.example.lb", phone="+961 70 943 216",
        applications=(
            ("lb-usj-blood-drive", "APPLIED", 0, 0),
            ("lb-tripoli-ems-recruitment", "REJECTED", 0, 0),
        ),
    ),
    VolunteerSeed(
        key="ahmad-merhi", first_name="Ahmad", last_name="Merhi",
        group="UNIVERSITY_STUDENT", birth_year=2004, country="LB", city="Tripoli",
        tenants=("lb-redcross",), languages=("ar", "en"), skills=("DRIVING",),
        email="ahmad.merhi@mail.example.lb", phone="+961 81 207 664",
        applications=(("lb-tripoli-ems-recruitment", "ACCEPTED", 0, 0),),
    ),
    VolunteerSeed(
        key="youssef-el-amrani", first_name="Youssef", last_name="El Amrani",
        group="VOCATIONAL_TRAINEE", birth_year=2003, country="MA", city="Fès",
        tenants=("ma-crescent",), languages=("ar", "fr"),
        skills=("FIRST_AID_CERTIFIED", "EVENT_ORGANIZING"),
        email="youssef.elamrani@mail.example.ma", phone="+212 661 48 20 37",
        applications=(("ma-fes-medina-first-aid", "ACCEPTED", 0, 0),),
    ),
    VolunteerSeed(
        key="salma-benjelloun", first_name="Salma", last_name="Benjelloun",
        group="EMPLOYED", birth_year=1992, country="MA", city="Casablanca",
        tenants=("ma-crescent", "arco"), languages=("fr", "ar", "en"),
        skills=("TRANSLATION_AR_FR", "TRANSLATION_AR_EN", "SOCIAL_MEDIA"),
        email="salma.benjelloun@mail.example.ma", phone="+212 662 15 93 04",
        shares_with_network=True,
        applications=(
            ("ma-first-aid-sheets-arabic", "COMPLETED", 12, 12),
            ("ma-casablanca-blood-caravan", "APPLIED", 0, 0),
            ("arco-volunteer-guide-fr", "COMPLETED", 30, 30),
        ),
    ),
    VolunteerSeed(
        key="hamza-ouhaddou", first_name="Hamza", last_name="Ouhaddou",
        group="SELF_EMPLOYED", birth_year=1990, country="MA", city="Marrakech",
        tenants=("ma-crescent",), languages=("ar", "shi", "fr"), skills=("DRIVING", "LOGISTICS"),
        email="hamza.ouhaddou@mail.example.ma", phone="+212 670 28 41 56",
        applications=(
            ("ma-amizmiz-winterization", "ACCEPTED", 0, 0),
            ("ma-amizmiz-school-kits", "COMPLETED", 7, 7),
        ),
    ),
    VolunteerSeed(
        key="khadija-ait-lhaj", first_name="Khadija", last_name="Aït Lhaj",
        group="OTHER", birth_year=1981, country="MA", city="Amizmiz",
        tenants=("ma-crescent",), languages=("shi", "ar"), skills=("COOKING",),
        email="khadija.aitlhaj@mail.example.ma", phone="+212 667 90 13 82",
        applications=(
            ("ma-amizmiz-school-kits", "COMPLETED", 6, 6),
            ("ma-amizmiz-winterization", "APPLIED", 0, 0),
        ),
    ),
    VolunteerSeed(
        key="imane-tazi", first_name="Imane", last_name="Tazi",
        group="UNIVERSITY_STUDENT", birth_year=2004, country="MA", city="Fès",
        tenants=("ma-crescent",), languages=("ar", "fr", "en"),
        skills=("TEACHING", "PHOTOGRAPHY"),
        email="imane.tazi@mail.example.ma", phone="+212 650 37 24 18",
        applications=(
            ("ma-fes-medina-first-aid", "APPLIED", 0, 0),
            ("ma-amizmiz-school-kits", "NO_SHOW", 0, 0),
        ),
    ),
    VolunteerSeed(
        key="sami-trabelsi", first_name="Sami", last_name="Trabelsi",
        group="EMPLOYED", birth_year=1986, country="TN", city="Sfax",
        tenants=("tn-crescent",), languages=("ar", "fr"),
        skills=("NURSING", "FIRST_AID_CERTIFIED"),
        email="sami.trabelsi@mail.example.tn", phone="+216 98 412 305",
        shares_with_network=True,
        applications=(("tn-sfax-migrants-support", "ACCEPTED", 40, 36),),
    ),
    VolunteerSeed(
        key="ines-ben-salah", first_name="Ines", last_name="Ben Salah",
        group="UNIVERSITY_STUDENT", birth_year=2002, country="TN", city="Sousse",
        tenants=("tn-crescent",), languages=("ar", "fr", "en"),
        skills=("EVENT_ORGANIZING", "SOCIAL_MEDIA"),
        email="ines.bensalah@mail.example.tn", phone="+216 22 618 470",
        applications=(("tn-sousse-blood-day", "ACCEPTED", 0, 0),),
        saved=("tn-bizerte-beach-cleanup",),
    ),
    VolunteerSeed(
        key="wassim-jlassi", first_name="Wassim", last_name="Jlassi",
        group="UNEMPLOYED", birth_year=1996, country="TN", city="Bou Salem",
        tenants=("tn-crescent",), languages=("ar", "fr"), skills=("DRIVING", "LOGISTICS"),
        email="wassim.jlassi@mail.example.tn", phone="+216 55 093 812",
        applications=(
            ("tn-bousalem-flood-response", "ACCEPTED", 0, 0),
            ("tn-ain-draham-winter-kits", "APPLIED", 0, 0),
        ),
    ),
    VolunteerSeed(
        key="olfa-mejri", first_name="Olfa", last_name="Mejri",
        group="RETIREE", birth_year=1959, country="TN", city="Tunis",
        tenants=("tn-crescent",), languages=("ar", "fr"),
        skills=("NURSING", "PSYCHOSOCIAL_SUPPORT"),
        email="olfa.mejri@mail.example.tn", phone="+216 97 340 256",
        applications=(
            ("tn-sfax-migrants-support", "WITHDRAWN", 0, 0),
            ("tn-bizerte-beach-cleanup", "APPLIED", 0, 0),
        ),
    ),
    VolunteerSeed(
        key="aziz-chaabane", first_name="Aziz", last_name="Chaabane",
        group="VOCATIONAL_TRAINEE", birth_year=2006, country="TN", city="Bizerte",
        tenants=("tn-crescent",), languages=("ar", "fr"), skills=("WATER_RESCUE",),
        email="aziz.chaabane@mail.example.tn", phone="+216 50 781 629",
        applications=(("tn-bizerte-beach-cleanup", "ACCEPTED", 0, 0),),
    ),
    VolunteerSeed(
        key="omar-haddadin", first_name="Omar", last_name="Haddadin",
        group="EMPLOYED", birth_year=1980, country="JO", city="Amman",
        tenants=("arco",), languages=("ar", "en"), skills=("TRANSLATION_AR_EN", "DATA_ENTRY"),
        email="omar.haddadin@mail.example.jo", phone="+962 79 548 2210",
        applications=(
            ("arco-translate-field-reports", "COMPLETED", 22, 22),
            ("arco-volunteer-statistics", "ACCEPTED", 6, 4),
        ),
    ),
    VolunteerSeed(
        key="dana-sabbagh", first_name="Dana", last_name="Al-Sabbagh",
        group="UNIVERSITY_STUDENT", birth_year=2003, country="SY", city="Damascus",
        tenants=("arco",), languages=("ar", "en"),
        skills=("FIRST_AID_CERTIFIED", "SOCIAL_MEDIA", "SIGN_LANGUAGE"),
        email="dana.sabbagh@mail.example.sy", phone="+963 944 318 207",
        applications=(("arco-first-aid-posts", "ACCEPTED", 5, 5),),
        saved=("arco-awareness-infographics",),
    ),
)

# The seeding order of the tenant-owned records: tenant by tenant, in this order.
TENANT_ORDER = ("arco", "dz-crescent", "setif-youth", "eg-crescent", "sa-crescent",
                "lb-redcross", "ma-crescent", "tn-crescent")


def _by_tenant(records: tuple[_Owned, ...]) -> tuple[_Owned, ...]:
    """The records grouped by tenant in TENANT_ORDER, each group in its written order."""
    return tuple(sorted(records, key=lambda r: TENANT_ORDER.index(r.tenant)))


CONTENT: DemoContent = DemoContent(
    categories=CATEGORIES,
    skills=SKILLS,
    organizations=ORGANIZATIONS,
    campaigns=CAMPAIGNS,
    opportunities=_by_tenant(OPPORTUNITIES),
    events=_by_tenant(EVENTS),
    news=_by_tenant(NEWS),
    volunteers=VOLUNTEERS,
)
