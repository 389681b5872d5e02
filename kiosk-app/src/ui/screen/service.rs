//! One service in full: what it offers, open now or when, the week's
//! opening hours with today marked, holiday closures, the address and the
//! way there, phone, who may come, costs, what to bring, access and the
//! languages spoken. Everything here is also read aloud.

use iced::widget::{Column, container};
use iced::{Element, Length};

use kiosk_app::content::{Audience, Service};
use kiosk_app::finder::Words;
use kiosk_app::i18n::Arg;

use crate::ui::drag_scroll::scroll_area;
use crate::ui::label::Label;
use crate::ui::pictogram::Pictogram;
use crate::ui::screen::help::{self, Env, left_to_right};
use crate::ui::theme::{self, Look};
use crate::ui::view::View;

/// Messages of the service page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// Show the service on the map.
    ShowMap,
    /// Make a slip to take away.
    PrintSlip,
}

/// The service on show.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The service.
    pub service: Service,
}

/// One section of the page: a pictogram, a heading and its lines (a line
/// marked `true` is highlighted: today's hours).
struct Section {
    pictogram: Pictogram,
    heading: String,
    lines: Vec<(String, bool)>,
}

fn sections(ui: &View<'_>, env: &Env<'_>, service: &Service) -> Vec<Section> {
    let words = Words {
        catalog: ui.catalog,
        language: ui.language,
    };
    let now = env.now();
    let plain = |lines: Vec<String>| lines.into_iter().map(|l| (l, false)).collect();
    let mut sections = Vec::new();
    let mut hours: Vec<(String, bool)> = Vec::new();
    if let Some(calendar) = env.content.and_then(|content| content.calendar()) {
        let openness = calendar.openness(service, &now);
        hours.push((words.status(&openness, service.appointment, &now), false));
        hours.extend(
            words
                .hours(service, now.weekday())
                .into_iter()
                .map(|(line, today)| {
                    if today {
                        (format!("{} ({})", line, ui.t("hours-today")), true)
                    } else {
                        (line, false)
                    }
                }),
        );
        hours.extend(plain(words.closures(service, now.date())));
    }
    sections.push(Section {
        pictogram: Pictogram::Clock,
        heading: ui.t("detail-hours"),
        lines: hours,
    });
    let mut address = vec![service.address.clone()];
    if let Some(content) = env.content {
        address.extend(words.direction(env.origin, service, content));
    }
    if !service.way.is_empty() {
        address.push(words.text_of(&service.way).to_owned());
    }
    sections.push(Section {
        pictogram: Pictogram::Location,
        heading: ui.t("detail-address"),
        lines: plain(address),
    });
    if !service.phone.is_empty() {
        sections.push(Section {
            pictogram: Pictogram::Phone,
            heading: ui.t_with(
                "help-phone",
                &[("phone", Arg::Text(left_to_right(&service.phone)))],
            ),
            lines: Vec::new(),
        });
    }
    let who = if service.audience.contains(&Audience::Women) {
        Pictogram::Women
    } else if service.audience.contains(&Audience::Young) {
        Pictogram::Young
    } else {
        Pictogram::StillHere
    };
    sections.push(Section {
        pictogram: who,
        heading: ui.t("detail-who"),
        lines: plain(vec![words.who(service)]),
    });
    sections.push(Section {
        pictogram: Pictogram::Free,
        heading: ui.t("detail-costs"),
        lines: plain(vec![words.costs(service)]),
    });
    if !service.bring.is_empty() {
        sections.push(Section {
            pictogram: Pictogram::Check,
            heading: ui.t("detail-bring"),
            lines: plain(vec![words.text_of(&service.bring).to_owned()]),
        });
    }
    let access = words.access(service);
    if !access.is_empty() {
        sections.push(Section {
            pictogram: Pictogram::Wheelchair,
            heading: ui.t("detail-access"),
            lines: plain(access),
        });
    }
    let languages = words.languages(service);
    if !languages.is_empty() {
        sections.push(Section {
            pictogram: Pictogram::Language,
            heading: ui.t("detail-languages"),
            lines: plain(vec![languages]),
        });
    }
    sections
}

/// The text read aloud.
pub fn speech(ui: &View<'_>, env: &Env<'_>, state: &State) -> String {
    let service = &state.service;
    let words = Words {
        catalog: ui.catalog,
        language: ui.language,
    };
    let mut lines = vec![
        service.name.clone(),
        words.text_of(&service.summary).to_owned(),
    ];
    for section in sections(ui, env, service) {
        lines.push(section.heading.trim_end_matches([':', ' ']).to_owned());
        lines.extend(section.lines.into_iter().map(|(line, _)| line));
    }
    lines.join(". ")
}

/// The page.
pub fn view<'a>(ui: View<'a>, env: Env<'a>, state: &'a State) -> Element<'a, Message> {
    let palette = ui.palette;
    let service = &state.service;
    let words = Words {
        catalog: ui.catalog,
        language: ui.language,
    };
    let mut page: Vec<Element<'a, Message>> = vec![
        ui.row(vec![
            help::pictogram(service.category).view(ui.sizes.pictogram(), palette.text),
            ui.column(vec![
                Label::new(
                    service.name.clone(),
                    ui.sizes.title(),
                    theme::color(palette.text),
                )
                .bold()
                .into(),
                ui.paragraph(
                    ui.t(service.category.label_key()),
                    ui.sizes.small(),
                    palette.text,
                ),
            ])
            .width(Length::Fill)
            .into(),
        ])
        .spacing(16)
        .into(),
        ui.paragraph(
            words.text_of(&service.summary).to_owned(),
            ui.sizes.body(),
            palette.text,
        ),
        ui.row(vec![
            ui.wide_button(
                Some(Pictogram::Location),
                ui.t("detail-map"),
                Look::Primary,
                Message::ShowMap,
            ),
            ui.wide_button(
                Some(Pictogram::Check),
                ui.t("slip-print"),
                Look::Primary,
                Message::PrintSlip,
            ),
        ])
        .spacing(12)
        .wrap()
        .into(),
    ];
    for section in sections(&ui, &env, service) {
        let mut body: Vec<Element<'a, Message>> = vec![
            Label::new(
                section.heading,
                ui.sizes.label(),
                theme::color(palette.surface_text),
            )
            .bold()
            .into(),
        ];
        for (line, highlighted) in section.lines {
            if highlighted {
                body.push(
                    Label::new(line, ui.sizes.body(), theme::color(palette.surface_text))
                        .bold()
                        .into(),
                );
            } else {
                body.push(ui.paragraph(line, ui.sizes.body(), palette.surface_text));
            }
        }
        let content = ui.row(vec![
            section
                .pictogram
                .view(ui.sizes.icon(), palette.surface_text),
            ui.column(body).spacing(6).width(Length::Fill).into(),
        ]);
        page.push(
            container(content.spacing(14))
                .padding(16)
                .width(Length::Fill)
                .style(theme::panel(
                    palette.surface,
                    palette.surface_text,
                    Some(palette.border),
                ))
                .into(),
        );
    }
    scroll_area(Column::with_children(page).spacing(16).width(Length::Fill))
}
