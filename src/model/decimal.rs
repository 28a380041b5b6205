//! Whole numbers in decimal, digit by digit: the saved desktop's JSON (in the wasm, where Rust's
//! formatting machinery would cost more than these lines) and the build's dates write them.

/// Appends `value` in decimal, zero-padded to at least `min_width` digits.
pub fn push_digits(out: &mut String, mut value: u64, min_width: usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (value % 10) as u8;
        value /= 10;
        start -= 1;
        if value == 0 {
            break;
        }
    }
    let start = start.min(digits.len().saturating_sub(min_width));
    for &digit in digits.iter().skip(start) {
        out.push(char::from(digit));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(value: u64, min_width: usize) -> String {
        let mut out = String::new();
        push_digits(&mut out, value, min_width);
        out
    }

    #[test]
    fn numbers_are_written_as_display_writes_them_padded_on_request() {
        assert_eq!(digits(0, 1), "0");
        assert_eq!(digits(0, 0), "0");
        assert_eq!(digits(7, 2), "07");
        assert_eq!(digits(2026, 4), "2026");
        assert_eq!(digits(12, 6), "000012");
        assert_eq!(digits(u64::MAX, 1), u64::MAX.to_string());
        assert_eq!(digits(5, 25), format!("{:020}", 5));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_number_reads_as_zero_padded_display(value: u64, width in 0usize..22) {
            let expected = format!("{value:0width$}", width = width.min(20));
            proptest::prop_assert_eq!(digits(value, width), expected);
        }
    }
}
