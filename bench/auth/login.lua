-- wrk: sign in over and over, rotating over the benchmark accounts bench0..bench15
-- (as real traffic would: one account is not signed in from 8 connections at once).
local n = 0
request = function()
  local body = string.format('{"email":"bench%d@example.fr","password":"benchmark-password"}', n % 16)
  n = n + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
