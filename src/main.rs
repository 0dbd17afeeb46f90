// A build allocates millions of small strings (tokens, HTML fragments,
// template values) from several threads; mimalloc is markedly faster at
// that than glibc's allocator (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    no_huge_pages();
    handbook::cli::run()
}

/// Turns transparent huge pages off for this process. mimalloc asks the
/// kernel for them, and the kernel zeroes each 2 MB page on first touch;
/// on virtual machines (where CI and most small servers run) first touches
/// of fresh memory are slow, and a build touches its memory once: on the
/// law corpus, 2 cores, the build spent 15 s of system time and took 0.88×
/// the time without them (BENCHMARKS.md, "huge pages").
#[cfg(target_os = "linux")]
fn no_huge_pages() {
    // SAFETY: prctl with PR_SET_THP_DISABLE takes plain integers and only
    // sets a flag of this process; an older kernel answers EINVAL, which
    // leaves things as they were.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
fn no_huge_pages() {}
