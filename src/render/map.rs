//! The map of North Rhine-Westphalia on the regions overview: an SVG drawn
//! at build time from the regions' `location`, so no map tiles are fetched.

use crate::content::model::{KindMeta, PageKind, RegionRole};
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
    /// The edition's own region, highlighted on its map.
    pub own: bool,
    pub label: Label,
}

/// Where a point's name is written: `x`/`y` of the text's baseline start
/// (`anchor` `start`) or end (`end`), and a leader line from the point when
/// the name had to move away from it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub anchor: &'static str,
    pub leader: Option<(f64, f64, f64, f64)>,
}

/// Font size of the labels in map units (the template's CSS uses the same).
const LABEL_SIZE: f64 = 13.0;
/// Estimated width of one character at `LABEL_SIZE`: generous, because the
/// system font (DejaVu Sans on Debian) is wide and an estimate that is too
/// small lets labels overlap.
const CHAR_WIDTH: f64 = 8.0;
const POINT_RADIUS: f64 = 9.0;

#[derive(Debug, Clone, Copy)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    fn inside(&self) -> bool {
        self.x0 >= 0.0 && self.y0 >= 0.0 && self.x1 <= WIDTH && self.y1 <= HEIGHT
    }
}

/// The box a label occupies (with a little air around it).
fn label_rect(l: &Label, width: f64) -> Rect {
    let x0 = if l.anchor == "end" { l.x - width } else { l.x };
    Rect {
        x0: x0 - 2.0,
        y0: l.y - LABEL_SIZE + 1.0,
        x1: x0 + width + 2.0,
        y1: l.y + 4.0,
    }
}

/// Places every label so that none overlaps another label or a point:
/// right of the point if there is room, else left, above or below; if all
/// four are taken, further away along a leader line. Points are placed from
/// the most crowded outwards, so that the crowded ones get the near places.
fn place_labels(points: &[(f64, f64, usize)]) -> Vec<Label> {
    let dots: Vec<Rect> = points
        .iter()
        .map(|&(x, y, _)| Rect {
            x0: x - POINT_RADIUS - 1.0,
            y0: y - POINT_RADIUS - 1.0,
            x1: x + POINT_RADIUS + 1.0,
            y1: y + POINT_RADIUS + 1.0,
        })
        .collect();
    let mut placed: Vec<Option<(Label, Rect)>> = vec![None; points.len()];
    for i in most_crowded_first(points) {
        let (x, y, chars) = points[i];
        let width = chars as f64 * CHAR_WIDTH;
        let free = |l: &Label| {
            let r = label_rect(l, width);
            r.inside()
                && !dots.iter().any(|d| d.overlaps(&r))
                && !placed.iter().flatten().any(|(_, o)| o.overlaps(&r))
        };
        let chosen = label_places(x, y, width)
            .find(|l| free(l))
            // a map so full that nothing fits: keep the label right of its point
            .unwrap_or(Label::right_of(x, y));
        let r = label_rect(&chosen, width);
        placed[i] = Some((chosen, r));
    }
    placed
        .into_iter()
        .map(|p| {
            p.map(|(l, _)| l).unwrap_or(Label {
                x: 0.0,
                y: 0.0,
                anchor: "start",
                leader: None,
            })
        })
        .collect()
}

/// The points' indices, those with the most neighbours within 80 units first.
fn most_crowded_first(points: &[(f64, f64, usize)]) -> Vec<usize> {
    let crowd = |i: usize| {
        let (x, y, _) = points[i];
        points
            .iter()
            .filter(|&&(px, py, _)| (px - x).hypot(py - y) < 80.0)
            .count()
    };
    let mut order: Vec<usize> = (0..points.len()).collect();
    // cached: counted per comparison, a map of hundreds of regions cost a
    // region listing tens of milliseconds (stable like `sort_by_key`)
    order.sort_by_cached_key(|&i| std::cmp::Reverse(crowd(i)));
    order
}

/// Where the label of a point at (`x`, `y`) may go, best first: right,
/// left, above, below; then ever further away in eight directions, with a
/// leader line.
fn label_places(x: f64, y: f64, width: f64) -> impl Iterator<Item = Label> {
    let plain = |x, y, anchor| Label {
        x,
        y,
        anchor,
        leader: None,
    };
    let near = [
        Label::right_of(x, y),
        plain(x - 12.0, y + 4.0, "end"),
        plain(x - width / 2.0, y - 13.0, "start"),
        plain(x - width / 2.0, y + 22.0, "start"),
    ];
    let far = (1..=12).flat_map(move |step| {
        let d = 14.0 * step as f64;
        [
            (1.0, 0.0),
            (-1.0, 0.0),
            (1.0, -1.0),
            (1.0, 1.0),
            (-1.0, -1.0),
            (-1.0, 1.0),
            (0.0, -1.0),
            (0.0, 1.0),
        ]
        .into_iter()
        .map(move |(dx, dy): (f64, f64)| {
            let (lx, ly) = (x + dx * (12.0 + d), y + dy * d + 4.0);
            let anchor = if dx < 0.0 { "end" } else { "start" };
            Label {
                x: if dx == 0.0 { lx - width / 2.0 } else { lx },
                y: ly,
                anchor,
                leader: Some((x, y, if dx == 0.0 { x } else { lx }, ly - 4.0)),
            }
        })
    });
    near.into_iter().chain(far)
}

impl Label {
    /// The first choice: right of the point, on its line.
    fn right_of(x: f64, y: f64) -> Label {
        Label {
            x: x + 12.0,
            y: y + 4.0,
            anchor: "start",
            leader: None,
        }
    }
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
    let own = |p: &crate::content::page::Page| {
        site.edition_vars.as_ref().is_some_and(|e| {
            e.get("name").and_then(|n| n.as_str()) == Some(p.slug.as_str())
                || e.pointer("/vars/region").and_then(|r| r.as_str()) == Some(p.title.as_str())
        })
    };
    let mut points: Vec<MapPoint> = ids
        .iter()
        .map(|&id| {
            crate::site::note_read(id);
            &site.content.pages[id]
        })
        .filter_map(|p| match &p.meta {
            KindMeta::Region(r) => r.location.map(|loc| {
                let (x, y) = project(loc.lon, loc.lat);
                MapPoint {
                    title: p.title.clone(),
                    url: site.href(&p.url),
                    // a region without a role is shown as what it is: a region
                    role: r
                        .role
                        .map(RegionRole::as_str)
                        .unwrap_or(site.kind_label(PageKind::Region))
                        .to_string(),
                    x,
                    y,
                    own: own(p),
                    label: Label {
                        x,
                        y,
                        anchor: "start",
                        leader: None,
                    },
                }
            }),
            _ => None,
        })
        .collect();
    if points.is_empty() {
        return None;
    }
    let boxes: Vec<(f64, f64, usize)> = points
        .iter()
        .map(|p| (p.x, p.y, p.title.chars().count()))
        .collect();
    for (p, l) in points.iter_mut().zip(place_labels(&boxes)) {
        p.label = l;
    }
    Some(RegionMap {
        width: WIDTH,
        height: HEIGHT,
        outline,
        points,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_close_points_do_not_overlap_each_other_or_points() {
        // Duisburg-Marxloh and Duisburg-Hochfeld lie a few map units apart
        let pts = [
            (170.0, 260.0, 16),
            (172.0, 268.0, 17),
            (180.0, 262.0, 13),
            (300.0, 250.0, 9),
            (306.0, 252.0, 10),
        ];
        let labels = place_labels(&pts);
        let rects: Vec<Rect> = labels
            .iter()
            .zip(&pts)
            .map(|(l, p)| label_rect(l, p.2 as f64 * CHAR_WIDTH))
            .collect();
        for (i, a) in rects.iter().enumerate() {
            assert!(a.inside(), "label {i} leaves the map");
            for (j, b) in rects.iter().enumerate().skip(i + 1) {
                assert!(!a.overlaps(b), "labels {i} and {j} overlap");
            }
            for (j, p) in pts.iter().enumerate() {
                let dot = Rect {
                    x0: p.0 - 9.0,
                    y0: p.1 - 9.0,
                    x1: p.0 + 9.0,
                    y1: p.1 + 9.0,
                };
                assert!(!a.overlaps(&dot), "label {i} covers point {j}");
            }
        }
        // some label had to move away, and is joined to its point by a line
        assert!(labels.iter().any(|l| l.leader.is_some()));
    }
}
