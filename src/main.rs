// A build allocates millions of small strings (tokens, HTML fragments,
// template values) from several threads; mimalloc is markedly faster at
// that than glibc's allocator (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    handbook::cli::run()
}
