fn main() -> std::process::ExitCode {
    handbook::cli::run()
}
