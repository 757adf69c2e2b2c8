//! Servers: `examples/httpserver` under gowasm-run against the same
//! service built natively, driven over loopback by a real client (the
//! native Go client of `conformance/servers/client.go`, and curl
//! alongside it), then stopped by a signal; and what happens to a program
//! on a signal it did not ask for, and to a listen the policy refuses;
//! replicas of a server sharing its port.
//! Native Go is the oracle: responses, logs (without their times) and exit
//! statuses must match.

use conformance::find_tool;
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gowasm-servers-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn check(cmd: &mut Command) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Builds `target` (relative to the repository) natively and with gowasm
/// into dir; returns (native binary, module).
fn build_both(dir: &Path, target: &str, name: &str) -> (PathBuf, PathBuf) {
    let (native, wasm) = (dir.join(name), dir.join(format!("{name}.wasm")));
    check(
        Command::new("go")
            .args(["build", "-o"])
            .arg(&native)
            .arg(target)
            .current_dir(repo()),
    );
    check(
        Command::new(find_tool("gowasm"))
            .args(["build", "-o"])
            .arg(&wasm)
            .arg(target)
            .current_dir(repo()),
    );
    (native, wasm)
}

/// A running server and the lines of its standard output.
struct Server {
    child: Child,
    lines: mpsc::Receiver<String>,
}

/// How long a server may take to start (the first run compiles the
/// module, several at once on a loaded machine) or to stop.
const LIMIT: Duration = Duration::from_secs(240);

impl Server {
    fn start(cmd: &mut Command) -> Server {
        let mut child = cmd.stdout(Stdio::piped()).spawn().unwrap();
        let out = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Server { child, lines }
    }

    /// Waits for a line containing `want`; returns it.
    fn wait_for(&mut self, want: &str) -> String {
        loop {
            match self.lines.recv_timeout(LIMIT) {
                Ok(line) if line.contains(want) => return line,
                Ok(_) => {}
                Err(e) => {
                    let _ = self.child.kill();
                    panic!("no line with {want:?} from the server: {e}");
                }
            }
        }
    }

    /// The address a slog `listening` line gives.
    fn address(&mut self) -> String {
        let line = self.wait_for("msg=listening");
        line.split_whitespace()
            .find_map(|f| f.strip_prefix("addr="))
            .unwrap_or_else(|| panic!("no addr in {line:?}"))
            .to_string()
    }

    fn signal(&self, sig: &str) {
        check(
            Command::new("kill")
                .arg(format!("-{sig}"))
                .arg(self.child.id().to_string()),
        );
    }

    /// Waits for the server to end; its status and remaining output.
    fn wait(mut self) -> (ExitStatus, Vec<String>) {
        let start = std::time::Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > LIMIT {
                let _ = self.child.kill();
                panic!("the server did not stop");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        (status, self.lines.iter().collect())
    }
}

/// Log lines without their times.
fn untimed(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            l.split(' ')
                .filter(|f| !f.starts_with("time="))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Drives a server: the Go client's script, with curl fetching the health
/// check on keep-alive connections at the same time. Returns the client's
/// output.
fn drive(client: &Path, addr: &str) -> String {
    let url = format!("http://{addr}/healthz");
    let curls: Vec<_> = (0..3)
        .map(|_| {
            Command::new("curl")
                .args(["--silent", "--show-error", "--max-time", "60"])
                .args(std::iter::repeat_n(&url, 20))
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let out = Command::new(client)
        .arg(format!("http://{addr}"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for c in curls {
        let c = c.wait_with_output().unwrap();
        assert!(
            c.status.success(),
            "curl: {}",
            String::from_utf8_lossy(&c.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&c.stdout), "ok\n".repeat(20));
    }
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn http_service_answers_and_shuts_down_as_its_native_build() {
    let dir = scratch("httpserver");
    let (native, wasm) = build_both(&dir, "./examples/httpserver", "httpserver");
    let client = dir.join("client");
    check(
        Command::new("go")
            .args(["build", "-o"])
            .arg(&client)
            .arg("conformance/servers/client.go")
            .current_dir(repo()),
    );
    let mut results = Vec::new();
    for (cmd, sig) in [
        (Command::new(&native), "TERM"),
        (Command::new(find_tool("gowasm-run")), "TERM"),
        (Command::new(&native), "INT"),
        (Command::new(find_tool("gowasm-run")), "INT"),
    ] {
        let mut cmd = cmd;
        if cmd.get_program() != native.as_os_str() {
            cmd.args(["--listen", "127.0.0.1:*"]).arg(&wasm);
        }
        let mut server = Server::start(cmd.args(["-addr", "127.0.0.1:0"]));
        let addr = server.address();
        let responses = drive(&client, &addr);
        server.signal(sig);
        let (status, log) = server.wait();
        results.push((responses, status.code(), untimed(&log)));
    }
    let expected_log = ["level=INFO msg=\"shutting down\"", "level=INFO msg=stopped"];
    for (i, (responses, code, log)) in results.iter().enumerate() {
        assert_eq!(*code, Some(0), "run {i}: {log:?}");
        assert_eq!(log, &expected_log, "run {i}");
        assert!(
            responses.contains("GET /healthz \"200 OK\" \"ok\""),
            "{responses}"
        );
    }
    for pair in results.chunks(2) {
        assert_eq!(
            pair[0].0, pair[1].0,
            "responses differ from the native build's"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_refused_listen_is_go_error() {
    let dir = scratch("refused");
    let wasm = dir.join("httpserver.wasm");
    check(
        Command::new(find_tool("gowasm"))
            .args(["build", "-o"])
            .arg(&wasm)
            .arg("./examples/httpserver")
            .current_dir(repo()),
    );
    let out = Command::new(find_tool("gowasm-run"))
        .arg(&wasm)
        .args(["-addr", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("msg=listen err=\"listen tcp 127.0.0.1:0: bind: permission denied\""),
        "{stdout}"
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A program that handles no signal: the signals end it as they end the
/// native build (SIGTERM and SIGINT kill it; SIGQUIT prints its name and
/// exits with status 2; SIGUSR1 is ignored).
#[test]
fn signals_a_program_did_not_ask_for_end_it_as_native() {
    let dir = scratch("sleeper");
    let (native, wasm) = build_both(&dir, "./conformance/servers/sleeper.go", "sleeper");
    for sig in ["TERM", "INT", "HUP", "QUIT", "USR1"] {
        let mut runs = Vec::new();
        for wasm_run in [false, true] {
            let mut cmd = if wasm_run {
                let mut c = Command::new(find_tool("gowasm-run"));
                c.arg(&wasm);
                c
            } else {
                Command::new(&native)
            };
            let mut server = Server::start(cmd.stderr(Stdio::piped()));
            server.wait_for("ready");
            server.signal(sig);
            if sig == "USR1" {
                // Still running: it ends at its own time.
                server.wait_for("done");
            }
            let mut stderr = String::new();
            std::io::Read::read_to_string(server.child.stderr.as_mut().unwrap(), &mut stderr)
                .unwrap();
            let (status, _) = server.wait();
            let first = stderr.lines().next().unwrap_or("").to_string();
            runs.push((status.code(), status.signal(), first));
        }
        assert_eq!(runs[0], runs[1], "SIG{sig}: native, then gowasm-run");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `gowasm-run --replicas 2`: two instances of a stateless server listen
/// on one port and both answer (each with an id of its own, over 40
/// connections the kernel spreads); SIGTERM reaches both, which shut down
/// gracefully, and gowasm-run exits 0.
#[test]
fn replicas_share_a_port_and_shut_down_together() {
    let dir = scratch("replicas");
    let wasm = dir.join("replica.wasm");
    check(
        Command::new(find_tool("gowasm"))
            .args(["build", "-o"])
            .arg(&wasm)
            .arg("conformance/servers/replica.go")
            .current_dir(repo()),
    );
    // A free port (replicas cannot share an ephemeral one).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let mut server = Server::start(
        Command::new(find_tool("gowasm-run"))
            .args(["--replicas", "2", "--listen", &addr])
            .arg(&wasm)
            .args(["-addr", &addr]),
    );
    let ids: Vec<String> = (0..2)
        .map(|_| {
            let line = server.wait_for("listening");
            line.trim_start_matches("listening ").to_string()
        })
        .collect();
    assert_ne!(ids[0], ids[1]);
    let mut answered = std::collections::BTreeSet::new();
    for _ in 0..40 {
        let mut conn = std::net::TcpStream::connect(&addr).unwrap();
        conn.set_read_timeout(Some(LIMIT)).unwrap();
        conn.write_all(b"GET / HTTP/1.0\r\nHost: replicas\r\n\r\n")
            .unwrap();
        let mut response = String::new();
        conn.read_to_string(&mut response).unwrap();
        let body = response.split("\r\n\r\n").nth(1).unwrap_or_default();
        assert!(ids.iter().any(|id| id == body), "{response}");
        answered.insert(body.to_string());
    }
    assert_eq!(answered.len(), 2, "only {answered:?} answered");
    server.signal("TERM");
    let (status, log) = server.wait();
    assert_eq!(status.code(), Some(0), "{log:?}");
    let mut stopped: Vec<&String> = log.iter().filter(|l| l.starts_with("stopped")).collect();
    stopped.sort();
    assert_eq!(stopped.len(), 2, "{log:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}
