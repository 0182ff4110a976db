#![no_main]
//! The first byte picks a bank, the rest (UTF-8) is the account number; an accepted account must
//! survive its canonical number and JSON.

use klaim_core::{Bank, BankAccount};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(s) = std::str::from_utf8(rest) else {
        return;
    };
    let bank = Bank::all()[usize::from(*pick) % Bank::all().len()];
    if let Ok(account) = BankAccount::parse(bank, s) {
        let _ = account.warnings();
        assert_eq!(
            BankAccount::parse(bank, account.number()).as_ref(),
            Ok(&account)
        );
        let json = serde_json::to_string(&account).unwrap();
        assert_eq!(serde_json::from_str::<BankAccount>(&json).unwrap(), account);
    }
});
