//! The page kinds and their typed front-matter schemas (see
//! docs/content-model.md). Only `title` is required anywhere.

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    Region,
    Concept,
    Agreement,
    Check,
    Page,
}

impl PageKind {
    pub const ALL: [PageKind; 5] = [
        PageKind::Region,
        PageKind::Concept,
        PageKind::Agreement,
        PageKind::Check,
        PageKind::Page,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PageKind::Region => "region",
            PageKind::Concept => "concept",
            PageKind::Agreement => "agreement",
            PageKind::Check => "check",
            PageKind::Page => "page",
        }
    }

    pub fn parse(s: &str) -> Option<PageKind> {
        PageKind::ALL.into_iter().find(|k| k.name() == s)
    }

    /// The section `handbook new KIND` puts new pages into.
    pub fn default_section(self) -> &'static str {
        match self {
            PageKind::Region => "regionen",
            PageKind::Concept => "konzepte",
            PageKind::Agreement => "vereinbarungen",
            PageKind::Check | PageKind::Page => "",
        }
    }

    /// Keys of this kind's own schema, beside [`COMMON_KEYS`].
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            PageKind::Region => &[
                "role",
                "region_type",
                "programme",
                "partners",
                "concepts",
                "agreements",
                "contacts",
                "location",
                "period",
            ],
            PageKind::Concept => &[
                "category",
                "led_by",
                "duration",
                "group_size",
                "childcare",
                "modules",
                "regions",
                "agreements",
            ],
            PageKind::Agreement => &["parties", "sections", "placeholders", "regions", "concepts"],
            PageKind::Check => &["groups"],
            PageKind::Page => &[],
        }
    }

    /// Reference keys of this kind and the kind their slugs must name.
    pub fn reference_keys(self) -> &'static [(&'static str, PageKind)] {
        match self {
            PageKind::Region => &[
                ("concepts", PageKind::Concept),
                ("agreements", PageKind::Agreement),
            ],
            PageKind::Concept => &[
                ("regions", PageKind::Region),
                ("agreements", PageKind::Agreement),
            ],
            PageKind::Agreement => &[
                ("regions", PageKind::Region),
                ("concepts", PageKind::Concept),
            ],
            PageKind::Check | PageKind::Page => &[],
        }
    }

    /// Keys that name one page by its short name (`programme:
    /// neue-wege-nrw`), checked and linked as the lists of
    /// [`reference_keys`](Self::reference_keys) are. The page may be of
    /// any kind: a programme's page is a plain page.
    pub fn single_reference_keys(self) -> &'static [&'static str] {
        match self {
            PageKind::Region => &["programme"],
            _ => &[],
        }
    }
}

/// Keys every kind understands.
pub const COMMON_KEYS: &[&str] = &[
    "title",
    "kind",
    "slug",
    "description",
    "weight",
    "template",
    "draft",
    "related",
    "menu",
    "aliases",
];

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Common {
    pub title: Option<String>,
    pub kind: Option<String>,
    pub slug: Option<String>,
    pub description: Option<String>,
    pub weight: Option<i64>,
    pub template: Option<String>,
    pub draft: bool,
    pub related: Vec<String>,
    /// Earlier addresses of the page; read with their places by
    /// foreign_keys::adopt, declared here for the type check.
    pub aliases: Vec<String>,
    /// `false` keeps a top-level page out of the main navigation (legal pages).
    pub menu: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RegionRole {
    Modellregion,
    Transferregion,
    Referenzkommune,
    Modellgebiet,
}

impl RegionRole {
    /// The value as written in front matter (and serialised): the key
    /// filters, groups and CSS classes use.
    pub fn as_str(self) -> &'static str {
        match self {
            RegionRole::Modellregion => "Modellregion",
            RegionRole::Transferregion => "Transferregion",
            RegionRole::Referenzkommune => "Referenzkommune",
            RegionRole::Modellgebiet => "Modellgebiet",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub role: Option<String>,
    pub organisation: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "RawGeoPoint")]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGeoPoint {
    lat: f64,
    lon: f64,
}

/// A point off the globe (`lat: 999`, latitude and longitude swapped
/// beyond 90) is a typing mistake: refused, where the map left the
/// region out without a word. The texts are retold in German by
/// `catalogue::serde_text`.
impl TryFrom<RawGeoPoint> for GeoPoint {
    type Error = String;
    fn try_from(p: RawGeoPoint) -> Result<GeoPoint, String> {
        if !(-90.0..=90.0).contains(&p.lat) {
            return Err(format!("latitude {} is outside -90 to 90", p.lat));
        }
        if !(-180.0..=180.0).contains(&p.lon) {
            return Err(format!("longitude {} is outside -180 to 180", p.lon));
        }
        Ok(GeoPoint {
            lat: p.lat,
            lon: p.lon,
        })
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RegionMeta {
    pub role: Option<RegionRole>,
    pub region_type: Option<String>,
    pub programme: Option<String>,
    pub partners: Vec<String>,
    pub concepts: Vec<String>,
    pub agreements: Vec<String>,
    pub contacts: Vec<Contact>,
    pub location: Option<GeoPoint>,
    pub period: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConceptCategory {
    Fortbildung,
    Veranstaltung,
    Beratung,
    Netzwerk,
}

impl ConceptCategory {
    /// The value as written in front matter (and serialised): the key
    /// filters and groups use.
    pub fn as_str(self) -> &'static str {
        match self {
            ConceptCategory::Fortbildung => "Fortbildung",
            ConceptCategory::Veranstaltung => "Veranstaltung",
            ConceptCategory::Beratung => "Beratung",
            ConceptCategory::Netzwerk => "Netzwerk",
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Module {
    pub title: String,
    pub description: Option<String>,
    pub duration: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConceptMeta {
    pub category: Option<ConceptCategory>,
    pub led_by: Vec<String>,
    pub duration: Option<String>,
    pub group_size: Option<String>,
    pub childcare: Option<bool>,
    pub modules: Vec<Module>,
    pub regions: Vec<String>,
    pub agreements: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AgreementSection {
    pub id: String,
    pub title: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Placeholder {
    pub key: String,
    pub label: String,
    pub hint: Option<String>,
    pub multiline: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AgreementMeta {
    pub parties: Vec<String>,
    pub sections: Vec<AgreementSection>,
    pub placeholders: Vec<Placeholder>,
    pub regions: Vec<String>,
    pub concepts: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuestionGroup {
    pub title: String,
    pub description: Option<String>,
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CheckMeta {
    pub groups: Vec<QuestionGroup>,
}

/// The kind-specific, typed part of a page's front matter.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum KindMeta {
    Region(RegionMeta),
    Concept(ConceptMeta),
    Agreement(AgreementMeta),
    Check(CheckMeta),
    Page {},
}

impl KindMeta {
    pub fn kind(&self) -> PageKind {
        match self {
            KindMeta::Region(_) => PageKind::Region,
            KindMeta::Concept(_) => PageKind::Concept,
            KindMeta::Agreement(_) => PageKind::Agreement,
            KindMeta::Check(_) => PageKind::Check,
            KindMeta::Page {} => PageKind::Page,
        }
    }
}
