-- What every scenario shares: the SOAP envelope, the check of each answer against what it must be, and one
-- machine-readable result line that bench/run reads.
--
-- wrk runs setup() and done() in its main Lua state and init(), request() and response() in one state per thread;
-- the counters are globals of the thread states so that done() can collect them with thread:get().
local M = {}

local threads = {}

function M.envelope(operation, children)
   return '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"'
      .. ' xmlns:v2="http://v2.provisioning.ws.web.verba.com/"><soapenv:Header/><soapenv:Body>'
      .. '<v2:' .. operation .. '>' .. children .. '</v2:' .. operation .. '></soapenv:Body></soapenv:Envelope>'
end

-- A complete HTTP request as a SOAP 1.1 client sends it (SOAPAction present, empty, as JAX-WS clients send it).
function M.post(body)
   return wrk.format("POST", nil, { ["Content-Type"] = "text/xml; charset=utf-8", ["SOAPAction"] = '""' }, body)
end

function M.contains(body, text)
   return body:find(text, 1, true) ~= nil
end

function M.count(body, text)
   local n, at = 0, 1
   while true do
      local found = body:find(text, at, true)
      if not found then
         return n
      end
      n = n + 1
      at = found + #text
   end
end

-- scenario.prepare(args, thread_id) returns the function that makes each request; scenario.expect(body) says
-- whether a 200 answer is the right one. args[1..] are the words after "--" on wrk's command line. The word at
-- scenario.limit_arg, when given, stops the thread after that many answers (used to fill the database); the word
-- after it names a file created at that moment, because wrk itself keeps sleeping until its -d duration ends.
function M.run(scenario)
   function setup(thread)
      table.insert(threads, thread)
      thread:set("thread_id", #threads)
   end

   function init(args)
      -- wrk calls request() once on the first thread before the run to check the request's shape; that call sends
      -- nothing.
      sent = thread_id == 1 and -1 or 0
      ok, wrong, sample = 0, 0, ""
      limit = scenario.limit_arg and tonumber(args[scenario.limit_arg]) or nil
      marker = scenario.limit_arg and args[scenario.limit_arg + 1] or nil
      make = scenario.prepare(args, thread_id)
   end

   function request()
      sent = sent + 1
      return make()
   end

   function response(status, headers, body)
      if status == 200 and scenario.expect(body) then
         ok = ok + 1
         -- While filling, a line per 10,000 answers shows how the rate changes as the table grows.
         if limit and ok % 10000 == 0 then
            io.write(string.format("BENCH-PROGRESS %d %d\n", ok, os.time()))
            io.flush()
         end
      else
         wrong = wrong + 1
         if sample == "" then
            sample = status .. " " .. (body or ""):sub(1, 400):gsub("[\r\n]", " ")
         end
      end
      if limit and ok + wrong >= limit then
         limit = nil
         if marker then
            io.open(marker, "w"):close()
         end
         wrk.thread:stop()
      end
   end

   function done(summary, latency, requests)
      local sent_all, ok_all, wrong_all, first = 0, 0, 0, ""
      for _, thread in ipairs(threads) do
         sent_all = sent_all + thread:get("sent")
         ok_all = ok_all + thread:get("ok")
         wrong_all = wrong_all + thread:get("wrong")
         if first == "" then
            first = thread:get("sample")
         end
      end
      local e = summary.errors
      io.write(string.format(
         "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d sent=%d ok=%d wrong=%d"
            .. " connect=%d read=%d write=%d status=%d timeout=%d\n",
         summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
         sent_all, ok_all, wrong_all, e.connect, e.read, e.write, e.status, e.timeout))
      if first ~= "" then
         io.write("BENCH-WRONG " .. first .. "\n")
      end
   end
end

return M
