//! Values read off a fuzz input byte by byte, shared by the targets that build domain values
//! (each adds the readers it needs in an `impl` of its own); zeros once the input runs out.
// Each target uses only some of these.
#![allow(dead_code)]

pub struct Bytes<'a>(pub &'a [u8]);

impl Bytes<'_> {
    pub fn u8(&mut self) -> u8 {
        let (first, rest) = self.0.split_first().unwrap_or((&0, &[]));
        self.0 = rest;
        *first
    }
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.u8(), self.u8()])
    }
    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes([self.u8(), self.u8(), self.u8(), self.u8()])
    }
    pub fn bool(&mut self) -> bool {
        self.u8() & 1 == 1
    }
    pub fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[usize::from(self.u8()) % from.len()]
    }
    pub fn count(&mut self, most: u8) -> usize {
        usize::from(self.u8() % (most + 1))
    }
}
