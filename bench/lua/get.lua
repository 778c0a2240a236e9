-- getExtension of one existing address in environment 0000.
-- Arguments: token, the existing address.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local bench = require("common")

local address
bench.run {
   prepare = function(args)
      address = "<extension>" .. args[2] .. "</extension>"
      local request = bench.post(bench.envelope("getExtension",
         "<token>" .. args[1] .. "</token><environmentFilter><eid>0000</eid><eidExact>1</eidExact>"
            .. "</environmentFilter><extension>" .. args[2] .. "</extension>"))
      return function() return request end
   end,
   expect = function(body)
      return bench.contains(body, "<statusCode>OK</statusCode>") and bench.contains(body, address)
   end,
}
