"""Which network addresses the server may fetch from: public internet hosts only, unless an admin allows more."""
import ipaddress

NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Cloud metadata services: refused even when an admin allows private addresses.
ALWAYS_REFUSED = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}


def address_problem(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is not a public internet host ('loopback', 'private', ...), or None when it is."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # ::ffff:a.b.c.d is the IPv4 host itself
            return address_problem(ip.ipv4_mapped)
        embedded = ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is None and ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None and address_problem(embedded):
            return address_problem(embedded)
    for name in ("unspecified", "loopback", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{name}"):
            return name.replace("_", "-")
    if getattr(ip, "is_site_local", False):
        return "site-local"
    if not ip.is_global:
        return "non-public"
    return None


def is_public_address(ip) -> bool:
    """True only for addresses on the public internet."""
    return address_problem(ip) is None


def allow_private_hosts(ip) -> bool:
    """The admin's relaxed policy: private networks too, but never multicast, 0.0.0.0 or cloud metadata."""
    return not (ip.is_multicast or ip.is_unspecified or ip in ALWAYS_REFUSED)
