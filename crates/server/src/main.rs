//! `todoke-server`: serves the API and the built SPA, or runs an operator command.
//!
//! ```text
//! todoke-server                      serve (same as `serve`)
//! todoke-server serve --demo         serve, seeding demo accounts into an empty database
//! todoke-server admin create-account --institution-code 3410712362 --class 医科 --name … --prefecture 広島県
//! todoke-server admin create-reviewer --user-id KINKI-01 --name … --bureau kinki
//! todoke-server admin import-institutions institutions.csv      (UTF-8 or Shift_JIS; all-or-nothing)
//! todoke-server admin issue-credentials --claim-month 2024-10 --out letters/
//! todoke-server admin reissue ABCDEFGHJK --out letters/
//! todoke-server admin end-use ABCDEFGHJK
//! todoke-server admin end-use --filings [--dry-run]              (accepted 利用終了届出; daily)
//! ```
//!
//! Configuration comes from `TODOKE_*` environment variables; see [`todoke_server::config`].

use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};
use todoke_core::text::current as text;
use todoke_server::accounts::{self, DemoAccount};
use todoke_server::admin::{self, AdminCommand};
use todoke_server::{Config, SystemClock, build_state, start};
use tracing_subscriber::EnvFilter;

#[derive(Debug, Parser)]
#[command(name = "todoke-server", version, about = "Todoke reference API server")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API and the built SPA (the default).
    Serve(ServeArgs),
    /// Operator commands.
    #[command(subcommand)]
    Admin(AdminCommand),
}

#[derive(Debug, Default, Args)]
struct ServeArgs {
    /// Seed demo accounts when the database has none, and print their IDs and passwords.
    /// Demo only: the passwords are public.
    #[arg(long)]
    demo: bool,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Serve(args) => {
            init_logging("info,sqlx=warn,tower_http=info");
            serve(args).await
        }
        Command::Admin(command) => {
            init_logging("warn");
            admin_command(command).await
        }
    }
}

/// Logs go to stderr, so an admin command's stdout holds only its JSON. `TODOKE_LOG_FORMAT=json`
/// writes one JSON object a line for log collectors (read here, before the configuration, so
/// that configuration errors are logged in the chosen format too).
fn init_logging(default_filter: &str) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match std::env::var("TODOKE_LOG_FORMAT").as_deref().map(str::trim) {
        Ok("json") => builder.json().flatten_event(true).init(),
        Ok("text") | Ok("") | Err(_) => builder.init(),
        Ok(other) => {
            builder.init();
            tracing::warn!(
                value = other,
                "TODOKE_LOG_FORMAT is text or json; using text"
            );
        }
    }
}

async fn serve(args: ServeArgs) -> ExitCode {
    match try_serve(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{}", text::server_start_failed(&message));
            ExitCode::FAILURE
        }
    }
}

async fn try_serve(args: ServeArgs) -> Result<(), String> {
    let config = Config::from_env().map_err(|e| e.to_string())?;
    let state = build_state(config, Arc::new(SystemClock))
        .await
        .map_err(|e| e.to_string())?;
    if args.demo {
        let fresh = accounts::count(&state).await.map_err(|e| e.to_string())? == 0;
        let demo = accounts::seed_demo(&state)
            .await
            .map_err(|e| e.to_string())?;
        print_demo(&demo, fresh);
    }
    let server = start(state).await.map_err(|e| e.to_string())?;
    println!("{}", text::server_listening(&server.url()));
    shutdown_signal().await;
    // Not ready first, so that a load balancer polling /readyz moves new requests elsewhere;
    // then stop accepting connections and let the open requests finish.
    server
        .state
        .ready
        .store(false, std::sync::atomic::Ordering::SeqCst);
    let grace = server.state.config.shutdown_grace;
    if !grace.is_zero() {
        tracing::info!(seconds = grace.as_secs(), "draining: /readyz answers 503");
        tokio::time::sleep(grace).await;
    }
    tracing::info!("shutting down");
    server.shutdown().await.map_err(|e| e.to_string())
}

fn print_demo(demo: &[DemoAccount], fresh: bool) {
    println!("{}", text::DEMO_HEADING());
    if !fresh {
        println!("{}", text::DEMO_EXISTING_NOTE());
    }
    for account in demo {
        let line = text::demo_account_line(
            account.user_id,
            account.initial_password,
            account.description,
        );
        println!("{line}");
    }
    if fresh {
        println!("{}", text::DEMO_CREATED_NOTE());
    }
}

/// Ctrl+C, or SIGTERM from a process manager.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

async fn admin_command(command: AdminCommand) -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(e) => {
            eprintln!("{}", text::account_storage_failed(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    match admin::run(command, config).await {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}
