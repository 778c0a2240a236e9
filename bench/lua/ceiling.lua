-- The ceiling: a createExtension request of the same shape as the server's scenarios, answered by
-- bench/Provisioning.Bench.Ceiling with the server's exact OK bytes.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local bench = require("common")

bench.run {
   prepare = function(args)
      local request = bench.post(bench.envelope("createExtension",
         "<token>ceilingceilingceilingceilingce</token><extension><eid>0000</eid>"
            .. "<extension>ceiling@bench.example</extension><recordingMode>FULL</recordingMode>"
            .. "<voice>1</voice><video>0</video><im>0</im></extension>"))
      return function() return request end
   end,
   expect = function(body) return bench.contains(body, "<statusCode>OK</statusCode>") end,
}
