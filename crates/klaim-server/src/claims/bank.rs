//! The bank's account-name inquiry. Klaim has no bank connection: the registry's bank accounts of
//! all persons stand in for the banks. The holder's name is only ever shown masked, and inquiries
//! are rate-limited per account, because the answer says something about a stranger.

use klaim_core::api::claim::BankInquiryAnswer;
use klaim_core::{BankAccount, PersonName};
use sqlx::AnyConnection;

use super::subject::Member;
use super::{Caller, ClaimRefusal, Claims, ClaimsError, subject};
use crate::accounts::rate_limit::Limit;
use crate::registry::store::StoreError;

/// Inquiries per account: enough to correct a few typing mistakes in several claims.
pub const INQUIRIES_PER_ACCOUNT: Limit = Limit::new("bank_inquiry", 20, 3600);

/// The holder's name as the bank has it; `None` for an account the bank does not know.
pub async fn holder(
    conn: &mut AnyConnection,
    account: &BankAccount,
) -> Result<Option<PersonName>, ClaimsError> {
    let name: Option<String> = sqlx::query_scalar(
        "SELECT holder_name FROM registry_bank_accounts
         WHERE bank_code = $1 AND account_number = $2 ORDER BY id LIMIT 1",
    )
    .bind(account.bank().code())
    .bind(account.number())
    .fetch_optional(conn)
    .await?;
    name.map(|n| {
        PersonName::parse(&n).map_err(|_| {
            ClaimsError::Registry(StoreError::Corrupt {
                table: "registry_bank_accounts",
                column: "holder_name",
            })
        })
    })
    .transpose()
}

/// `POST /bank-inquiries`: the holder, masked, compared with the caller's registered name.
pub async fn inquire(
    claims: &Claims,
    caller: Caller,
    account: &BankAccount,
) -> Result<BankInquiryAnswer, ClaimsError> {
    let now = claims.clock.now();
    INQUIRIES_PER_ACCOUNT
        .take(&claims.db, &caller.account_id.to_string(), now)
        .await?;
    let mut conn = claims.db.pool().acquire().await?;
    let member: Member = subject::caller(&mut conn, caller.participant_id).await?;
    let holder = holder(&mut conn, account)
        .await?
        .ok_or(ClaimRefusal::BankAccountNotFound {
            bank: account.bank(),
        })?;
    Ok(BankInquiryAnswer {
        holder_masked: holder.masked(),
        name_match: member.person.name.compare(&holder),
    })
}
