-- A sign-up flood: each request a new address (X-Forwarded-For, the proxy being trusted)
-- and a new e-mail, so only the hashing queue holds it back.
local n = 0
request = function()
  n = n + 1
  local id = math.random(1, 1e9) .. "-" .. n
  local ip = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
  local body = '{"email":"flood' .. id .. '@example.fr","password":"benchmark-password",'
    .. '"firstName":"Flood","lastName":"Test"}'
  return wrk.format("POST", "/api/auth/register",
    { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = ip }, body)
end
