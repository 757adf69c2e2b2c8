//! Sockets of the host ABI (docs/abi.md, "Sockets") and the network policy
//! that guards them. Sockets are `socket2` sockets, always non-blocking,
//! kept in the run's descriptor table beside files (`fs::Files`) and
//! watched by the run's poller (`ops::Ops`) once the program registers
//! them. Numbers crossing the boundary (families, types, option levels
//! and names) are Linux's; errors are WASI errno values.

use crate::fs::{Errno, errno, host};
use socket2::{Domain, SockAddr, Socket as Sock, TcpKeepalive, Type};
use std::io::{Read, Write};
use std::mem::MaybeUninit;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV6, ToSocketAddrs};
use std::os::fd::{AsRawFd, RawFd};
use std::time::Duration;

/// The ABI's numbering (Linux's).
mod abi {
    pub const AF_INET: u16 = 2;
    pub const AF_INET6: u16 = 10;
    pub const SOCK_STREAM: i32 = 1;
    pub const SOCK_DGRAM: i32 = 2;
    pub const SOL_SOCKET: i32 = 1;
    pub const SO_REUSEADDR: i32 = 2;
    pub const SO_TYPE: i32 = 3;
    pub const SO_ERROR: i32 = 4;
    pub const SO_BROADCAST: i32 = 6;
    pub const SO_SNDBUF: i32 = 7;
    pub const SO_RCVBUF: i32 = 8;
    pub const SO_KEEPALIVE: i32 = 9;
    pub const SO_LINGER: i32 = 13;
    pub const IPPROTO_TCP: i32 = 6;
    pub const TCP_NODELAY: i32 = 1;
    pub const TCP_KEEPIDLE: i32 = 4;
    pub const TCP_KEEPINTVL: i32 = 5;
    pub const TCP_KEEPCNT: i32 = 6;
    pub const IPPROTO_IPV6: i32 = 41;
    pub const IPV6_V6ONLY: i32 = 26;
}

/// A socket of the program.
pub struct Socket {
    sock: Sock,
    sotype: i32,
}

/// Reads an address record (`host_abi::SOCKADDR_SIZE` bytes).
pub fn decode_addr(rec: &[u8]) -> Result<SocketAddr, Errno> {
    if rec.len() != host_abi::SOCKADDR_SIZE {
        return Err(errno::EINVAL);
    }
    let port = u16::from_le_bytes([rec[2], rec[3]]);
    match u16::from_le_bytes([rec[0], rec[1]]) {
        abi::AF_INET => {
            let ip: [u8; 4] = rec[8..12].try_into().unwrap();
            Ok(SocketAddr::new(Ipv4Addr::from(ip).into(), port))
        }
        abi::AF_INET6 => {
            let ip: [u8; 16] = rec[8..24].try_into().unwrap();
            let zone = u32::from_le_bytes(rec[4..8].try_into().unwrap());
            Ok(SocketAddrV6::new(Ipv6Addr::from(ip), port, 0, zone).into())
        }
        _ => Err(errno::EAFNOSUPPORT),
    }
}

/// Writes an address record.
pub fn encode_addr(addr: &SockAddr) -> [u8; host_abi::SOCKADDR_SIZE] {
    let mut rec = [0u8; host_abi::SOCKADDR_SIZE];
    match addr.as_socket() {
        Some(SocketAddr::V4(a)) => {
            rec[0..2].copy_from_slice(&abi::AF_INET.to_le_bytes());
            rec[2..4].copy_from_slice(&a.port().to_le_bytes());
            rec[8..12].copy_from_slice(&a.ip().octets());
        }
        Some(SocketAddr::V6(a)) => {
            rec[0..2].copy_from_slice(&abi::AF_INET6.to_le_bytes());
            rec[2..4].copy_from_slice(&a.port().to_le_bytes());
            rec[4..8].copy_from_slice(&a.scope_id().to_le_bytes());
            rec[8..24].copy_from_slice(&a.ip().octets());
        }
        None => {}
    }
    rec
}

/// An address as the policy sees it: IPv4-mapped IPv6 addresses are IPv4.
fn canonical(addr: SocketAddr) -> SocketAddr {
    SocketAddr::new(addr.ip().to_canonical(), addr.port())
}

/// One `--listen` or `--connect` grant: an address (None: any) and a port
/// range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    ip: Option<IpAddr>,
    ports: (u16, u16),
}

impl Grant {
    /// Parses `HOST:PORT`: HOST an IPv4 address, `[IPv6]`, a name (each of
    /// its addresses), or `*` or nothing for any address; PORT a number, a
    /// range `LOW-HIGH`, or `*` for any (port 0, the system's choice of an
    /// ephemeral port, is only granted by `0` or `*`).
    pub fn parse(spec: &str) -> Result<Vec<Grant>, String> {
        let (host, port) = spec
            .rsplit_once(':')
            .ok_or_else(|| format!("{spec:?}: expected HOST:PORT"))?;
        let ports = match port {
            "*" => (0, u16::MAX),
            _ => {
                let (lo, hi) = port.split_once('-').unwrap_or((port, port));
                let num = |p: &str| {
                    p.parse::<u16>()
                        .map_err(|_| format!("{spec:?}: {p:?} is not a port"))
                };
                let (lo, hi) = (num(lo)?, num(hi)?);
                if lo > hi {
                    return Err(format!("{spec:?}: empty port range"));
                }
                (lo, hi)
            }
        };
        let host = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host);
        if host.is_empty() || host == "*" {
            return Ok(vec![Grant { ip: None, ports }]);
        }
        if let Ok(ip) = host.parse::<IpAddr>() {
            return Ok(vec![Grant {
                ip: Some(ip.to_canonical()),
                ports,
            }]);
        }
        let ips: Vec<IpAddr> = (host, 0)
            .to_socket_addrs()
            .map_err(|e| format!("{spec:?}: {e}"))?
            .map(|a| a.ip().to_canonical())
            .collect();
        Ok(ips
            .into_iter()
            .map(|ip| Grant {
                ip: Some(ip),
                ports,
            })
            .collect())
    }

    fn port_matches(&self, port: u16) -> bool {
        (self.ports.0..=self.ports.1).contains(&port)
    }

    fn matches(&self, addr: SocketAddr) -> bool {
        self.ip.is_none_or(|ip| ip == addr.ip()) && self.port_matches(addr.port())
    }
}

/// What the program may do on the network. The default allows nothing:
/// binding (listening, or receiving datagrams) needs a `listen` grant,
/// connecting and sending datagrams a `connect` grant; anything else
/// fails with EACCES, which Go reports as `permission denied`.
#[derive(Debug, Clone, Default)]
pub struct NetPolicy {
    /// Everything allowed (`gowasm-run --net`).
    pub all: bool,
    pub listen: Vec<Grant>,
    pub connect: Vec<Grant>,
    /// Bound sockets share their address with other sockets that set it
    /// (`SO_REUSEPORT`): replicas of a server (`gowasm-run --replicas`)
    /// each listen on the port, and the kernel spreads connections over
    /// them.
    pub share_ports: bool,
}

impl NetPolicy {
    /// Everything allowed.
    pub fn allow_all() -> NetPolicy {
        NetPolicy {
            all: true,
            ..NetPolicy::default()
        }
    }

    /// Where a bind of `addr` goes: `addr` itself when granted, or, for
    /// an unspecified address (`:8080`, Go's listen on all interfaces),
    /// the first granted address with that port — a program that listens
    /// everywhere listens where it may (a v4 address is bound as its
    /// IPv4-mapped form on an IPv6 socket).
    fn bind_target(&self, addr: SocketAddr) -> Result<SocketAddr, Errno> {
        let want = canonical(addr);
        if self.all || self.listen.iter().any(|g| g.matches(want)) {
            return Ok(addr);
        }
        if want.ip().is_unspecified() {
            let granted = self.listen.iter().find_map(|g| {
                let ip = g.ip?;
                g.port_matches(want.port()).then_some(ip)
            });
            if let Some(ip) = granted {
                let ip = match (addr, ip) {
                    (SocketAddr::V6(_), IpAddr::V4(v4)) => v4.to_ipv6_mapped().into(),
                    _ => ip,
                };
                return Ok(SocketAddr::new(ip, addr.port()));
            }
        }
        Err(errno::EACCES)
    }

    fn may_connect(&self, addr: SocketAddr) -> bool {
        self.all || self.connect.iter().any(|g| g.matches(canonical(addr)))
    }
}

impl Socket {
    /// A new non-blocking socket (AF_INET or AF_INET6; stream or datagram).
    pub fn open(family: i32, sotype: i32, proto: i32) -> Result<Socket, Errno> {
        let domain = match u16::try_from(family) {
            Ok(abi::AF_INET) => Domain::IPV4,
            Ok(abi::AF_INET6) => Domain::IPV6,
            _ => return Err(errno::EAFNOSUPPORT),
        };
        let ty = match sotype {
            abi::SOCK_STREAM => Type::STREAM,
            abi::SOCK_DGRAM => Type::DGRAM,
            _ => return Err(errno::EPROTONOSUPPORT),
        };
        let proto = (proto != 0).then(|| socket2::Protocol::from(proto));
        let sock = host(Sock::new(domain, ty, proto))?;
        host(sock.set_nonblocking(true))?;
        Ok(Socket { sock, sotype })
    }

    pub fn raw_fd(&self) -> RawFd {
        self.sock.as_raw_fd()
    }

    /// The WASI file type `fd_stat` reports.
    pub fn filetype(&self) -> u8 {
        if self.sotype == abi::SOCK_STREAM {
            crate::fs::FILETYPE_SOCKET_STREAM
        } else {
            crate::fs::FILETYPE_SOCKET_DGRAM
        }
    }

    pub fn bind(&self, policy: &NetPolicy, addr: SocketAddr) -> Result<(), Errno> {
        let target = policy.bind_target(addr)?;
        if policy.share_ports {
            host(self.sock.set_reuse_port(true))?;
        }
        host(self.sock.bind(&target.into()))
    }

    pub fn listen(&self, backlog: i32) -> Result<(), Errno> {
        host(self.sock.listen(backlog))
    }

    /// Takes a pending connection: the new socket and its peer's address.
    pub fn accept(&self) -> Result<(Socket, SockAddr), Errno> {
        let (sock, peer) = host(self.sock.accept())?;
        host(sock.set_nonblocking(true))?;
        Ok((
            Socket {
                sock,
                sotype: self.sotype,
            },
            peer,
        ))
    }

    pub fn connect(&self, policy: &NetPolicy, addr: SocketAddr) -> Result<(), Errno> {
        if !policy.may_connect(addr) {
            return Err(errno::EACCES);
        }
        host(self.sock.connect(&addr.into()))
    }

    pub fn addr(&self, peer: bool) -> Result<SockAddr, Errno> {
        host(if peer {
            self.sock.peer_addr()
        } else {
            self.sock.local_addr()
        })
    }

    /// An option's value (SO_ERROR as a WASI errno).
    pub fn getopt(&self, level: i32, name: i32) -> Result<i64, Errno> {
        let s = &self.sock;
        let flag = |r: std::io::Result<bool>| host(r).map(i64::from);
        let size = |r: std::io::Result<usize>| host(r).map(|n| n as i64);
        match (level, name) {
            (abi::SOL_SOCKET, abi::SO_ERROR) => Ok(match host(s.take_error())? {
                Some(e) => crate::fs::errno_of(&e).into(),
                None => 0,
            }),
            (abi::SOL_SOCKET, abi::SO_TYPE) => Ok(self.sotype.into()),
            (abi::SOL_SOCKET, abi::SO_REUSEADDR) => flag(s.reuse_address()),
            (abi::SOL_SOCKET, abi::SO_BROADCAST) => flag(s.broadcast()),
            (abi::SOL_SOCKET, abi::SO_KEEPALIVE) => flag(s.keepalive()),
            (abi::SOL_SOCKET, abi::SO_RCVBUF) => size(s.recv_buffer_size()),
            (abi::SOL_SOCKET, abi::SO_SNDBUF) => size(s.send_buffer_size()),
            (abi::IPPROTO_TCP, abi::TCP_NODELAY) => flag(s.tcp_nodelay()),
            (abi::IPPROTO_IPV6, abi::IPV6_V6ONLY) => flag(s.only_v6()),
            _ => Err(errno::ENOPROTOOPT),
        }
    }

    /// Sets an option (SO_LINGER: seconds, or negative for off).
    pub fn setopt(&self, level: i32, name: i32, value: i32) -> Result<(), Errno> {
        let s = &self.sock;
        let on = value != 0;
        let secs = || Duration::from_secs(value.max(0) as u64);
        host(match (level, name) {
            (abi::SOL_SOCKET, abi::SO_REUSEADDR) => s.set_reuse_address(on),
            (abi::SOL_SOCKET, abi::SO_BROADCAST) => s.set_broadcast(on),
            (abi::SOL_SOCKET, abi::SO_KEEPALIVE) => s.set_keepalive(on),
            (abi::SOL_SOCKET, abi::SO_RCVBUF) => s.set_recv_buffer_size(value.max(0) as usize),
            (abi::SOL_SOCKET, abi::SO_SNDBUF) => s.set_send_buffer_size(value.max(0) as usize),
            (abi::SOL_SOCKET, abi::SO_LINGER) => s.set_linger((value >= 0).then(secs)),
            (abi::IPPROTO_TCP, abi::TCP_NODELAY) => s.set_tcp_nodelay(on),
            (abi::IPPROTO_TCP, abi::TCP_KEEPIDLE) => {
                s.set_tcp_keepalive(&TcpKeepalive::new().with_time(secs()))
            }
            (abi::IPPROTO_TCP, abi::TCP_KEEPINTVL) => {
                s.set_tcp_keepalive(&TcpKeepalive::new().with_interval(secs()))
            }
            (abi::IPPROTO_TCP, abi::TCP_KEEPCNT) => {
                s.set_tcp_keepalive(&TcpKeepalive::new().with_retries(value.max(0) as u32))
            }
            (abi::IPPROTO_IPV6, abi::IPV6_V6ONLY) => s.set_only_v6(on),
            _ => return Err(errno::ENOPROTOOPT),
        })
    }

    /// Receives into `buf`: the count and the sender's address.
    pub fn recv_from(&self, buf: &mut [u8]) -> Result<(usize, SockAddr), Errno> {
        // SAFETY: recv_from only writes initialized bytes into the
        // buffer, which is already initialized.
        let uninit = unsafe { &mut *(buf as *mut [u8] as *mut [MaybeUninit<u8>]) };
        host(self.sock.recv_from(uninit))
    }

    /// Sends to `to`, or to the connected peer.
    pub fn send_to(
        &self,
        policy: &NetPolicy,
        data: &[u8],
        to: Option<SocketAddr>,
    ) -> Result<usize, Errno> {
        match to {
            Some(to) if !policy.may_connect(to) => Err(errno::EACCES),
            Some(to) => host(self.sock.send_to(data, &to.into())),
            None => host(self.sock.send(data)),
        }
    }

    pub fn shutdown(&self, how: i32) -> Result<(), Errno> {
        let how = match how {
            0 => std::net::Shutdown::Read,
            1 => std::net::Shutdown::Write,
            2 => std::net::Shutdown::Both,
            _ => return Err(errno::EINVAL),
        };
        host(self.sock.shutdown(how))
    }

    pub fn read(&self, buf: &mut [u8]) -> Result<usize, Errno> {
        host((&self.sock).read(buf))
    }

    pub fn write(&self, data: &[u8]) -> Result<usize, Errno> {
        host((&self.sock).write(data))
    }
}

/// What `resolve_start` looks up.
const RESOLVE_ADDRS: i32 = 0;
const RESOLVE_CANONICAL: i32 = 1;
const RESOLVE_NAMES: i32 = 2;
const RESOLVE_PORT: i32 = 3;
const RESOLVE_IPV4: i32 = 4;
const RESOLVE_IPV6: i32 = 6;

impl NetPolicy {
    /// Whether the program may use the host's resolver: when it may
    /// connect somewhere (as `wasmtime run` allows name lookups only with
    /// `allow-ip-name-lookup`), and always for `localhost`, which the host
    /// answers without asking anyone.
    pub fn may_resolve(&self, what: i32, name: &[u8]) -> bool {
        let name = name.strip_suffix(b".").unwrap_or(name);
        // Service names are looked up in the host's files.
        what == RESOLVE_PORT
            || self.all
            || !self.connect.is_empty()
            || name.eq_ignore_ascii_case(b"localhost")
            || name.to_ascii_lowercase().ends_with(b".localhost")
    }
}

/// A lookup with the host's resolver (`resolve_start`, run on a worker
/// thread): address records, or a name. The errors are those the ABI
/// gives: ENOENT for no such host, EAGAIN for a temporary failure.
pub fn resolve(name: &[u8], what: i32) -> std::io::Result<Vec<u8>> {
    use std::ffi::CString;
    let err = |code: i32| std::io::Error::from_raw_os_error(code);
    let Ok(cname) = CString::new(name) else {
        return Err(err(libc::ENOENT));
    };
    if what == RESOLVE_NAMES {
        let addr: IpAddr = std::str::from_utf8(name)
            .ok()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| err(libc::EINVAL))?;
        let sa = SockAddr::from(SocketAddr::new(addr, 0));
        let mut host = [0 as libc::c_char; 1025];
        // SAFETY: the address and the buffer are valid for the lengths
        // given.
        let r = unsafe {
            libc::getnameinfo(
                sa.as_ptr().cast(),
                sa.len(),
                host.as_mut_ptr(),
                host.len() as libc::socklen_t,
                std::ptr::null_mut(),
                0,
                libc::NI_NAMEREQD,
            )
        };
        if r != 0 {
            return Err(gai_error(r));
        }
        // SAFETY: getnameinfo wrote a NUL-terminated string.
        let host = unsafe { std::ffi::CStr::from_ptr(host.as_ptr()) };
        return Ok(host.to_bytes().to_vec());
    }
    // SAFETY: an all-zero addrinfo is a valid hints value.
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = match what {
        RESOLVE_IPV4 => libc::AF_INET,
        RESOLVE_IPV6 => libc::AF_INET6,
        RESOLVE_ADDRS | RESOLVE_CANONICAL | RESOLVE_PORT => libc::AF_UNSPEC,
        _ => return Err(err(libc::EINVAL)),
    };
    hints.ai_socktype = libc::SOCK_STREAM;
    let (mut node, mut service) = (cname.as_ptr(), std::ptr::null());
    let port_query;
    if what == RESOLVE_PORT {
        // "network/service": the service's port for that network.
        let text = std::str::from_utf8(name).map_err(|_| err(libc::EINVAL))?;
        let (network, svc) = text.split_once('/').ok_or_else(|| err(libc::EINVAL))?;
        if network.starts_with("udp") {
            hints.ai_socktype = libc::SOCK_DGRAM;
        }
        port_query = CString::new(svc).map_err(|_| err(libc::ENOENT))?;
        (node, service) = (std::ptr::null(), port_query.as_ptr());
        hints.ai_flags = libc::AI_PASSIVE;
    }
    if what == RESOLVE_CANONICAL {
        hints.ai_flags = libc::AI_CANONNAME;
    }
    let mut list: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: node and service are NUL-terminated or null, hints is
    // initialized, and list receives a list that is freed below.
    let r = unsafe { libc::getaddrinfo(node, service, &hints, &mut list) };
    if r != 0 {
        return Err(gai_error(r));
    }
    let mut out = Vec::new();
    let mut ai = list;
    while !ai.is_null() {
        // SAFETY: ai points into the list getaddrinfo returned.
        let a = unsafe { &*ai };
        if what == RESOLVE_CANONICAL {
            if !a.ai_canonname.is_null() {
                // SAFETY: ai_canonname is a NUL-terminated string.
                let c = unsafe { std::ffi::CStr::from_ptr(a.ai_canonname) };
                out = c.to_bytes().to_vec();
                break;
            }
        } else if !a.ai_addr.is_null() {
            // SAFETY: ai_addr holds ai_addrlen bytes of a socket address.
            let sa = unsafe {
                SockAddr::try_init(|storage, len| {
                    let n = (a.ai_addrlen as usize).min(std::mem::size_of_val(&*storage));
                    std::ptr::copy_nonoverlapping(a.ai_addr.cast::<u8>(), storage.cast::<u8>(), n);
                    *len = n as libc::socklen_t;
                    Ok(())
                })
            };
            if let Ok(((), sa)) = sa
                && let Some(addr) = sa.as_socket()
            {
                if what == RESOLVE_PORT {
                    out = addr.port().to_le_bytes().to_vec();
                    break;
                }
                let rec = encode_addr(&sa);
                if !out.chunks(rec.len()).any(|r| r == rec) {
                    out.extend_from_slice(&rec);
                }
            }
        }
        ai = a.ai_next;
    }
    // SAFETY: list came from getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(list) };
    if what == RESOLVE_CANONICAL && out.is_empty() {
        out = name.to_vec();
    }
    Ok(out)
}

/// The ABI's error for a getaddrinfo/getnameinfo failure.
fn gai_error(code: i32) -> std::io::Error {
    let errno = match code {
        libc::EAI_NONAME | libc::EAI_NODATA => libc::ENOENT,
        libc::EAI_AGAIN => libc::EAGAIN,
        libc::EAI_SYSTEM => return std::io::Error::last_os_error(),
        _ => libc::EIO,
    };
    std::io::Error::from_raw_os_error(errno)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(s: &str) -> SocketAddr {
        s.parse().unwrap()
    }

    #[test]
    fn grants_parse() {
        let g = |s| Grant::parse(s).unwrap();
        assert_eq!(
            g("127.0.0.1:8080"),
            vec![Grant {
                ip: Some(addr("127.0.0.1:0").ip()),
                ports: (8080, 8080)
            }]
        );
        assert_eq!(g(":8000-8010")[0].ports, (8000, 8010));
        assert_eq!(
            g("*:*")[0],
            Grant {
                ip: None,
                ports: (0, u16::MAX)
            }
        );
        assert_eq!(g("[::1]:53")[0].ip, Some(addr("[::1]:0").ip()));
        assert!(
            g("localhost:80")
                .iter()
                .all(|g| g.ip.unwrap().is_loopback())
        );
        for bad in ["8080", "1.2.3.4:x", "1.2.3.4:9-1", "1.2.3.4:70000"] {
            assert!(Grant::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn policy_denies_by_default() {
        let p = NetPolicy::default();
        assert_eq!(p.bind_target(addr("127.0.0.1:80")), Err(errno::EACCES));
        assert!(!p.may_connect(addr("127.0.0.1:80")));
        let all = NetPolicy::allow_all();
        assert_eq!(all.bind_target(addr("[::]:80")), Ok(addr("[::]:80")));
        assert!(all.may_connect(addr("10.0.0.1:1")));
    }

    #[test]
    fn listening_everywhere_listens_where_granted() {
        let p = NetPolicy {
            listen: Grant::parse("127.0.0.1:8080").unwrap(),
            ..NetPolicy::default()
        };
        assert_eq!(
            p.bind_target(addr("0.0.0.0:8080")),
            Ok(addr("127.0.0.1:8080"))
        );
        assert_eq!(
            p.bind_target(addr("[::]:8080")),
            Ok(addr("[::ffff:127.0.0.1]:8080"))
        );
        assert_eq!(p.bind_target(addr("[::]:8081")), Err(errno::EACCES));
        assert_eq!(p.bind_target(addr("10.0.0.1:8080")), Err(errno::EACCES));
        assert_eq!(
            p.bind_target(addr("[::ffff:127.0.0.1]:8080")),
            Ok(addr("[::ffff:127.0.0.1]:8080"))
        );
    }

    #[test]
    fn connect_grants_match_address_and_port() {
        let p = NetPolicy {
            connect: [Grant::parse("127.0.0.1:*"), Grant::parse("[::1]:443")]
                .into_iter()
                .flat_map(Result::unwrap)
                .collect(),
            ..NetPolicy::default()
        };
        assert!(p.may_connect(addr("127.0.0.1:9")));
        assert!(p.may_connect(addr("[::ffff:127.0.0.1]:9")));
        assert!(p.may_connect(addr("[::1]:443")));
        assert!(!p.may_connect(addr("[::1]:80")));
        assert!(!p.may_connect(addr("127.0.0.2:9")));
    }

    #[test]
    fn the_resolver_answers_for_localhost() {
        let recs = resolve(b"localhost", RESOLVE_IPV4).unwrap();
        assert_eq!(decode_addr(&recs[..24]), Ok(addr("127.0.0.1:0")));
        assert_eq!(
            resolve(b"no-such-host.invalid", RESOLVE_ADDRS)
                .unwrap_err()
                .raw_os_error(),
            Some(libc::ENOENT)
        );
        assert_eq!(
            resolve(b"tcp/http", RESOLVE_PORT).unwrap(),
            80u16.to_le_bytes()
        );
        assert!(NetPolicy::default().may_resolve(0, b"localhost"));
        assert!(NetPolicy::default().may_resolve(0, b"api.localhost."));
        assert!(!NetPolicy::default().may_resolve(0, b"example.com"));
        assert!(NetPolicy::allow_all().may_resolve(0, b"example.com"));
    }

    #[test]
    fn address_records_round_trip() {
        for a in ["127.0.0.1:8080", "[::1]:443", "[fe80::1%2]:7"] {
            let a = addr(a);
            let rec = encode_addr(&a.into());
            assert_eq!(decode_addr(&rec), Ok(a));
        }
        assert_eq!(decode_addr(&[0; 3]), Err(errno::EINVAL));
        assert_eq!(decode_addr(&[0; 24]), Err(errno::EAFNOSUPPORT));
    }

    #[test]
    fn sockets_talk_over_loopback() {
        let p = NetPolicy::allow_all();
        let l = Socket::open(2, 1, 0).unwrap();
        l.bind(&p, addr("127.0.0.1:0")).unwrap();
        l.listen(8).unwrap();
        let at = l.addr(false).unwrap().as_socket().unwrap();
        let c = Socket::open(2, 1, 0).unwrap();
        match c.connect(&p, at) {
            Ok(()) | Err(errno::EINPROGRESS) => {}
            Err(e) => panic!("connect: {e}"),
        }
        let accepted = loop {
            match l.accept() {
                Ok((s, _)) => break s,
                Err(errno::EAGAIN) => std::thread::yield_now(),
                Err(e) => panic!("accept: {e}"),
            }
        };
        assert_eq!(c.getopt(1, 4), Ok(0));
        assert_eq!(c.write(b"ping"), Ok(4));
        let mut buf = [0u8; 8];
        let n = loop {
            match accepted.read(&mut buf) {
                Ok(n) => break n,
                Err(errno::EAGAIN) => std::thread::yield_now(),
                Err(e) => panic!("read: {e}"),
            }
        };
        assert_eq!(&buf[..n], b"ping");
        assert_eq!(accepted.setopt(6, 1, 1), Ok(()));
        assert_eq!(accepted.getopt(6, 1), Ok(1));
        assert_eq!(accepted.setopt(99, 1, 1), Err(errno::ENOPROTOOPT));
    }
}
