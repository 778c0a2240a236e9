-- requestToken with a fixed login and its right password: one password hash check (PBKDF2) per request.
-- Arguments: eid, login, password.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local bench = require("common")

bench.run {
   prepare = function(args)
      local request = bench.post(bench.envelope("requestToken",
         "<eid>" .. args[1] .. "</eid><loginName>" .. args[2] .. "</loginName><password>" .. args[3] .. "</password>"))
      return function() return request end
   end,
   expect = function(body)
      return bench.contains(body, "<statusCode>OK</statusCode>") and bench.contains(body, "<token>")
   end,
}
