fn main() {
    klaim::mount();
}
