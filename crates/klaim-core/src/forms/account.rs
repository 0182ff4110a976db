//! The account forms: register (identity as the registry knows it, plus a password), sign in,
//! enter a one-time code, reset a password. The app checks them before sending; the server runs
//! the same checks again and then compares with the registry and the accounts it holds.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::birth_date::BirthDate;
use crate::date::Date;
use crate::email::Email;
use crate::kpj::Kpj;
use crate::message::Finding;
use crate::name::PersonName;
use crate::nik::Nik;
use crate::one_time_code::OneTimeCode;
use crate::password::{Password, PersonalData};
use crate::{Explain, Lang, Severity};

/// Field names, also the HTML ids of the inputs in the app.
pub mod field {
    pub const FULL_NAME: &str = "full_name";
    pub const NIK: &str = "nik";
    pub const KPJ: &str = "kpj";
    pub const BIRTH_DATE: &str = "birth_date";
    pub const PASSWORD: &str = "password";
    pub const LOGIN: &str = "login";
    pub const CODE: &str = "code";
    pub const CHANNEL: &str = "channel";
}

/// "Daftar": the fields exactly as typed.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RegistrationInput {
    pub full_name: String,
    pub nik: String,
    pub kpj: String,
    pub birth_day: String,
    pub birth_month: String,
    pub birth_year: String,
    pub password: String,
}

/// A registration form that passed; the server still has to find the person in the registry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Registration {
    pub name: PersonName,
    pub nik: Nik,
    pub kpj: Kpj,
    pub birth_date: Date,
    pub password: Password,
}

/// Checks the registration form: at most one error per field, in form order. The password is
/// checked against the NIK, birth date and name typed in the same form.
pub fn check_registration(
    input: &RegistrationInput,
    today: Date,
) -> Result<Registration, Vec<Finding>> {
    let mut errors = Vec::new();
    let mut keep = |field: &'static str, finding: &dyn Explain| {
        if finding.severity() == Severity::Error {
            errors.push(Finding::of(Some(field), finding));
        }
    };
    let name = PersonName::parse(&input.full_name)
        .map_err(|e| keep(field::FULL_NAME, &e))
        .ok();
    let nik = Nik::parse(&input.nik)
        .map_err(|e| keep(field::NIK, &e))
        .ok();
    let kpj = Kpj::parse(&input.kpj)
        .map_err(|e| keep(field::KPJ, &e))
        .ok();
    let birth_date = BirthDate::from_parts(
        &input.birth_day,
        &input.birth_month,
        &input.birth_year,
        today,
    )
    .map_err(|e| keep(field::BIRTH_DATE, &e))
    .ok();
    let personal = PersonalData {
        nik: nik.as_ref(),
        birth_date,
        name: name.as_ref(),
    };
    let password = Password::parse(&input.password, personal)
        .map_err(|e| keep(field::PASSWORD, &e[0]))
        .ok();
    match (name, nik, kpj, birth_date, password) {
        (Some(name), Some(nik), Some(kpj), Some(birth_date), Some(password))
            if errors.is_empty() =>
        {
            Ok(Registration {
                name,
                nik,
                kpj,
                birth_date,
                password,
            })
        }
        _ => Err(errors),
    }
}

/// "Masuk": a NIK or an e-mail address, and the password.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginInput {
    pub login: String,
    pub password: String,
}

/// Who is signing in: people type their NIK, or the e-mail address verified on their account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoginId {
    Nik(Nik),
    Email(Email),
}

#[derive(Clone, PartialEq, Eq)]
pub struct Login {
    pub id: LoginId,
    /// Not checked against the password rules: an old password may predate them.
    pub password: String,
}

impl fmt::Debug for Login {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Login")
            .field("id", &self.id)
            .field("password", &"***")
            .finish()
    }
}

/// Why a sign-in form cannot be sent yet.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::message::display(self))]
pub enum LoginFormError {
    LoginEmpty,
    PasswordEmpty,
    PasswordTooLong,
}

impl Explain for LoginFormError {
    fn code(&self) -> &'static str {
        match self {
            LoginFormError::LoginEmpty => "login.empty",
            LoginFormError::PasswordEmpty => "login.password_empty",
            LoginFormError::PasswordTooLong => "login.password_too_long",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match self {
            LoginFormError::LoginEmpty => lang.pick(
                "Masukkan NIK atau email Anda",
                "Enter your NIK or e-mail address",
            ),
            LoginFormError::PasswordEmpty => {
                lang.pick("Masukkan kata sandi Anda", "Enter your password")
            }
            LoginFormError::PasswordTooLong => lang.pick(
                "Kata sandi paling banyak 128 karakter",
                "A password has at most 128 characters",
            ),
        }
        .into()
    }

    fn hint(&self, lang: Lang) -> String {
        match self {
            LoginFormError::LoginEmpty => lang.pick(
                "NIK ada di KTP Anda (16 angka)",
                "The NIK is on your KTP (16 digits)",
            ),
            LoginFormError::PasswordEmpty | LoginFormError::PasswordTooLong => lang.pick(
                "Lupa kata sandi? Pilih \"Lupa kata sandi\" untuk membuat yang baru",
                "Forgot it? Choose \"Forgot password\" to make a new one",
            ),
        }
        .into()
    }
}

/// Reads the login field: an e-mail address when it has an `@`, otherwise a NIK.
pub fn parse_login_id(input: &str) -> Result<LoginId, Box<Finding>> {
    let at = |e: &dyn Explain| Box::new(Finding::of(Some(field::LOGIN), e));
    if input.trim().is_empty() {
        Err(at(&LoginFormError::LoginEmpty))
    } else if input.contains('@') {
        Email::parse(input).map(LoginId::Email).map_err(|e| at(&e))
    } else {
        Nik::parse(input).map(LoginId::Nik).map_err(|e| at(&e))
    }
}

pub fn check_login(input: &LoginInput) -> Result<Login, Vec<Finding>> {
    let id = parse_login_id(&input.login).map_err(|f| *f);
    let password = if input.password.is_empty() {
        Err(Finding::of(
            Some(field::PASSWORD),
            &LoginFormError::PasswordEmpty,
        ))
    } else if input.password.chars().count() > crate::password::MAX_CHARS {
        Err(Finding::of(
            Some(field::PASSWORD),
            &LoginFormError::PasswordTooLong,
        ))
    } else {
        Ok(input.password.clone())
    };
    match (id, password) {
        (Ok(id), Ok(password)) => Ok(Login { id, password }),
        (id, password) => Err([id.err(), password.err()].into_iter().flatten().collect()),
    }
}

/// Where a one-time code goes: the mobile number or the e-mail address on file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Sms,
    Email,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Email => "email",
        }
    }

    pub fn from_wire(text: &str) -> Option<Channel> {
        match text {
            "sms" => Some(Channel::Sms),
            "email" => Some(Channel::Email),
            _ => None,
        }
    }
}

/// "Kirim kode ke": which contact on file gets the code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SendCodeInput {
    pub channel: Channel,
}

/// "Masukkan kode".
#[derive(Clone, Default, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CodeInput {
    pub code: String,
}

pub fn check_code(input: &CodeInput) -> Result<OneTimeCode, Vec<Finding>> {
    OneTimeCode::parse(&input.code).map_err(|e| vec![Finding::of(Some(field::CODE), &e)])
}

/// "Lupa kata sandi", step 1: who forgot.
#[derive(Clone, Default, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordResetInput {
    pub login: String,
}

pub fn check_password_reset(input: &PasswordResetInput) -> Result<LoginId, Vec<Finding>> {
    parse_login_id(&input.login).map_err(|f| vec![*f])
}

/// "Lupa kata sandi", step 2: the code sent and the new password.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPasswordInput {
    pub code: String,
    pub password: String,
}

/// The app knows nothing of the person yet and passes empty `personal`; the server passes the
/// registry's NIK, birth date and name.
pub fn check_new_password(
    input: &NewPasswordInput,
    personal: PersonalData<'_>,
) -> Result<(OneTimeCode, Password), Vec<Finding>> {
    let code = OneTimeCode::parse(&input.code).map_err(|e| Finding::of(Some(field::CODE), &e));
    let password = Password::parse(&input.password, personal)
        .map_err(|e| Finding::of(Some(field::PASSWORD), &e[0]));
    match (code, password) {
        (Ok(code), Ok(password)) => Ok((code, password)),
        (code, password) => Err([code.err(), password.err()].into_iter().flatten().collect()),
    }
}

// Passwords never reach a log through `{:?}`.
macro_rules! debug_without_password {
    ($ty:ident { $($field:ident),* }) => {
        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($ty))
                    $(.field(stringify!($field), &self.$field))*
                    .field("password", &"***")
                    .finish()
            }
        }
    };
}
debug_without_password!(RegistrationInput {
    full_name,
    nik,
    kpj,
    birth_day,
    birth_month,
    birth_year
});
debug_without_password!(LoginInput { login });
debug_without_password!(NewPasswordInput { code });

#[cfg(test)]
mod tests;
