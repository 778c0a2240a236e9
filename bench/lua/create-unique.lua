-- createExtension with a new address every time: a durable insert per request.
-- Arguments: token, address prefix (unique per run), and optionally how many answers to stop after and the file
-- to create then.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local bench = require("common")

bench.run {
   limit_arg = 3,
   prepare = function(args, thread_id)
      local head = "<token>" .. args[1] .. "</token><extension><eid>0000</eid><extension>"
         .. args[2] .. "-" .. thread_id .. "-"
      local tail = "@bench.example</extension><recordingMode>FULL</recordingMode>"
         .. "<voice>1</voice><video>0</video><im>0</im></extension>"
      local counter = 0
      return function()
         counter = counter + 1
         return bench.post(bench.envelope("createExtension", head .. counter .. tail))
      end
   end,
   expect = function(body) return bench.contains(body, "<statusCode>OK</statusCode>") end,
}
