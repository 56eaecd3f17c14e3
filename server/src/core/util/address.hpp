#pragma once
// Client addresses as abuse limits count them.

#include <string>
#include <string_view>

namespace declic::core {

// The group an address is counted in: an IPv4 address (also written as ::ffff:a.b.c.d) is
// itself; an IPv6 address is its /64, since one subscriber usually holds a whole /64 and can
// change the lower half at will. Text that is not an address is returned unchanged.
std::string address_group(std::string_view ip);

}  // namespace declic::core
