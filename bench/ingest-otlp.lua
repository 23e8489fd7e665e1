-- wrk script: POST a pre-built OTLP/protobuf trace export (path in OTLP_BODY) on every request.
local path = os.getenv("OTLP_BODY")
local file = assert(io.open(path, "rb"))
local body = file:read("*a")
file:close()

request = function()
  return wrk.format("POST", wrk.path, wrk.headers, body)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  local ok = summary.requests - summary.errors.status
  io.write(string.format("RESULT requests_per_s=%.0f ok_per_s=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), ok / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
