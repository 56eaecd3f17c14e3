#pragma once
// Client addresses as abuse limits count them.

#include <string>
#include <string_view>

namespace declic::core {

// The group an address is counted in: an IPv4 address (also written as ::ffff:a.b.c.d) is
// itself; an IPv6 address is its /64, since one subscriber usually holds a whole /64 and can
// change the lower half at will. Text that is not an address is returned unchanged.
std::string address_group(std::string_view ip);

// An IPv4 address written as IPv6 (::ffff:a.b.c.d, what a dual-stack listener reports for an
// IPv4 peer) written as IPv4; anything else unchanged. TRUSTED_PROXIES lists 127.0.0.1, not
// ::ffff:127.0.0.1.
std::string unmapped(std::string_view ip);

}  // namespace declic::core
