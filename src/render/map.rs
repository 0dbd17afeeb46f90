//! The map of North Rhine-Westphalia on the regions overview: an SVG drawn
//! at build time from the regions' `location`, so no map tiles are fetched.

use crate::content::model::{KindMeta, RegionRole};
use crate::site::Site;
use serde::Serialize;

/// Bounding box of NRW (degrees), a little wider than the state.
const LON_MIN: f64 = 5.8;
const LON_MAX: f64 = 9.5;
const LAT_MIN: f64 = 50.3;
const LAT_MAX: f64 = 52.55;
pub const WIDTH: f64 = 600.0;
pub const HEIGHT: f64 = 560.0;

/// A simplified outline of NRW (lon, lat), enough to recognise the state.
const OUTLINE: &[(f64, f64)] = &[
    (6.03, 51.85),
    (6.40, 51.85),
    (6.72, 51.90),
    (6.83, 52.07),
    (7.07, 52.24),
    (7.02, 52.40),
    (7.30, 52.40),
    (7.60, 52.47),
    (8.01, 52.45),
    (8.30, 52.45),
    (8.45, 52.52),
    (8.70, 52.50),
    (8.95, 52.43),
    (9.10, 52.17),
    (9.45, 51.95),
    (9.32, 51.65),
    (9.15, 51.45),
    (8.95, 51.40),
    (8.67, 51.10),
    (8.50, 51.00),
    (8.22, 50.85),
    (8.05, 50.70),
    (7.75, 50.63),
    (7.40, 50.55),
    (7.20, 50.60),
    (6.80, 50.45),
    (6.40, 50.32),
    (6.18, 50.52),
    (6.00, 50.75),
    (6.07, 50.92),
    (5.87, 51.05),
    (6.08, 51.17),
    (6.20, 51.40),
    (6.10, 51.60),
    (5.95, 51.75),
];

#[derive(Debug, Serialize)]
pub struct MapPoint {
    pub title: String,
    pub url: String,
    pub role: String,
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Serialize)]
pub struct RegionMap {
    pub width: f64,
    pub height: f64,
    /// SVG path data of the outline.
    pub outline: String,
    pub points: Vec<MapPoint>,
}

fn project(lon: f64, lat: f64) -> (f64, f64) {
    // equirectangular, with longitude shortened by cos(51.5°) so the state keeps its shape
    let x = (lon - LON_MIN) / (LON_MAX - LON_MIN) * WIDTH;
    let y = (LAT_MAX - lat) / (LAT_MAX - LAT_MIN) * HEIGHT;
    ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0)
}

/// The map of the given pages (those of them that are regions with a location).
pub fn region_map(site: &Site, ids: &[crate::content::PageId]) -> Option<RegionMap> {
    let outline = OUTLINE
        .iter()
        .enumerate()
        .map(|(i, &(lon, lat))| {
            let (x, y) = project(lon, lat);
            format!("{}{x},{y}", if i == 0 { "M" } else { " L" })
        })
        .collect::<String>()
        + " Z";
    let points: Vec<MapPoint> = ids
        .iter()
        .map(|&id| &site.content.pages[id])
        .filter_map(|p| match &p.meta {
            KindMeta::Region(r) => r.location.map(|loc| {
                let (x, y) = project(loc.lon, loc.lat);
                MapPoint {
                    title: p.title.clone(),
                    url: site.href(&p.url),
                    role: match r.role {
                        Some(RegionRole::Modellregion) => "Modellregion",
                        Some(RegionRole::Transferregion) => "Transferregion",
                        Some(RegionRole::Referenzkommune) => "Referenzkommune",
                        Some(RegionRole::Modellgebiet) => "Modellgebiet",
                        None => "Region",
                    }
                    .to_string(),
                    x,
                    y,
                }
            }),
            _ => None,
        })
        .collect();
    if points.is_empty() {
        return None;
    }
    Some(RegionMap {
        width: WIDTH,
        height: HEIGHT,
        outline,
        points,
    })
}
