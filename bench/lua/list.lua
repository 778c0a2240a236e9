-- listExtensions of one environment that holds a known number of extensions (bench/run seeds 100).
-- Arguments: token, the environment's eid, how many extensions the answer must hold.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local bench = require("common")

local expected
bench.run {
   prepare = function(args)
      expected = tonumber(args[3])
      local request = bench.post(bench.envelope("listExtensions",
         "<token>" .. args[1] .. "</token><filter><environmentFilter><eid>" .. args[2] .. "</eid>"
            .. "<eidExact>1</eidExact></environmentFilter></filter>"))
      return function() return request end
   end,
   expect = function(body)
      return bench.contains(body, "<statusCode>OK</statusCode>") and bench.count(body, "<extensions>") == expected
   end,
}
