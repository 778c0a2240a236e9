-- createExtension of an address that exists: every answer must be ERROR_ALREADY_EXISTS and nothing is written.
-- Arguments: token, the existing address.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local bench = require("common")

bench.run {
   prepare = function(args)
      local request = bench.post(bench.envelope("createExtension",
         "<token>" .. args[1] .. "</token><extension><eid>0000</eid><extension>" .. args[2] .. "</extension>"
            .. "<recordingMode>FULL</recordingMode><voice>1</voice><video>0</video><im>0</im></extension>"))
      return function() return request end
   end,
   expect = function(body) return bench.contains(body, "<statusCode>ERROR_ALREADY_EXISTS</statusCode>") end,
}
