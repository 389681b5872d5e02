//! The kiosk's part in guided forms: opening the list, starting or
//! continuing a form in the session, and making its PDF in the background.

use std::sync::Arc;

use iced::Task;

use kiosk_app::forms::Wizard;

use super::notice::VisitorNotice;
use super::screen::{Screen, form, forms};
use super::{Kiosk, Message};

impl Kiosk {
    /// Opens the forms list.
    pub(super) fn open_forms(&mut self) {
        let forms = self
            .ctx
            .content
            .as_ref()
            .map(|content| content.forms())
            .unwrap_or_default();
        self.go(Screen::Forms(forms::State {
            forms,
            keyboard: None,
        }));
    }

    /// A message of the forms list.
    pub(super) fn forms_message(&mut self, message: forms::Message) -> Task<Message> {
        let Screen::Forms(state) = &mut self.screen else {
            return Task::none();
        };
        let Some(id) = forms::update(state, &mut self.session, &self.ctx.site.languages, message)
        else {
            return Task::none();
        };
        let Some(def) = state.forms.iter().find(|f| f.id == id).cloned() else {
            return Task::none();
        };
        // The same form continues where the visitor left it; another form
        // starts fresh, and what the last one knew of the person stays
        // offered in the profile.
        let continues = self
            .session
            .form
            .as_ref()
            .is_some_and(|w| w.form().id == id);
        if !continues {
            if let Some(previous) = self.session.form.take() {
                previous.remember(&mut self.session.profile);
            }
            let today = self.env().now().date();
            self.session.form = Some(Wizard::new(Arc::clone(&def), today));
        }
        tracing::info!("form started");
        self.go(Screen::Form(form::State::default()));
        Task::none()
    }

    /// A message of the wizard.
    pub(super) fn form_message(&mut self, message: form::Message) -> Task<Message> {
        let Screen::Form(state) = &mut self.screen else {
            return Task::none();
        };
        match form::update(state, &mut self.session, &self.ctx.site.languages, message) {
            form::Effect::None => Task::none(),
            form::Effect::Leave => {
                self.open_forms_from_wizard();
                Task::none()
            }
            form::Effect::Print => self.print_form(),
        }
    }

    fn open_forms_from_wizard(&mut self) {
        match self.history.last() {
            Some(Screen::Forms(_)) => {
                if let Some(previous) = self.history.pop() {
                    self.screen = previous;
                }
            }
            _ => self.open_forms(),
        }
    }

    /// Makes the filled form's PDF in a background task and saves it for
    /// the printer on the session's tmpfs.
    fn print_form(&mut self) -> Task<Message> {
        let Some(wizard) = self.session.form.as_ref() else {
            return Task::none();
        };
        let prepared =
            match kiosk_app::forms::prepare(wizard, self.session.language, &self.ctx.catalog) {
                Ok(prepared) => prepared,
                Err(error) => return Task::done(Message::FormPrinted(Err(error.to_string()))),
            };
        let fonts = self.ctx.fonts();
        // Where the pack carries the authority's own fillable PDF, that is
        // what the visitor hands in; the bilingual copy is theirs to keep.
        let official = wizard.form().official_pdf.as_ref().and_then(|name| {
            let blank = self.ctx.content.as_ref()?.official_pdf(name)?;
            Some((blank, kiosk_app::forms::official_values(wizard)))
        });
        let dir = self.ctx.slip_dir.clone();
        Task::perform(
            async move {
                tokio::task::spawn_blocking(move || -> Result<std::path::PathBuf, String> {
                    let mut first = None;
                    if let Some((blank, values)) = official {
                        let filled = kiosk_app::forms::fill_official(&blank, &values)
                            .map_err(|e| e.to_string())?;
                        if !filled.missing.is_empty() {
                            tracing::warn!(fields = ?filled.missing, "fields the official PDF lacks");
                        }
                        first = Some(
                            kiosk_app::slip::save_as(&dir, "form", &filled.pdf)
                                .map_err(|e| e.to_string())?,
                        );
                    }
                    let pdf = prepared.render(&fonts).map_err(|e| e.to_string())?;
                    let copy = kiosk_app::slip::save_as(&dir, "form", &pdf.pdf)
                        .map_err(|e| e.to_string())?;
                    Ok(first.unwrap_or(copy))
                })
                .await
                .map_err(|e| e.to_string())?
            },
            Message::FormPrinted,
        )
    }

    /// The form's PDF was made, or not.
    pub(super) fn form_printed(&mut self, result: Result<std::path::PathBuf, String>) {
        self.notice = Some(match result {
            Ok(path) => {
                tracing::info!(path = %path.display(), "form saved for the printer");
                VisitorNotice::FormPrinted
            }
            Err(error) => {
                tracing::error!(%error, "form PDF failed");
                VisitorNotice::SlipFailed
            }
        });
    }
}
