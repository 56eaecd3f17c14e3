-- wrk: post a message, rotating over the benchmark's clients, each in their own conversation
-- (lines "token conversation-id" in the file named by the first argument after --).
local pairs_ = {}
local n = 0
init = function(args)
  for line in io.lines(args[1]) do
    local token, conversation = line:match("(%S+) (%S+)")
    pairs_[#pairs_ + 1] = {token, conversation}
  end
end
request = function()
  local pair = pairs_[n % #pairs_ + 1]
  n = n + 1
  return wrk.format("POST", "/api/conversations/" .. pair[2] .. "/messages",
                    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. pair[1]},
                    '{"body":"Bonjour, une petite question sur la séance de samedi."}')
end
