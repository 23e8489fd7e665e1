-- One impact query per request for a random one of FLAGS flags over the last 24 h (default step).
local flags = tonumber(os.getenv("FLAGS") or "100")
local project = os.getenv("PROJECT") or "bench-query"
math.randomseed(os.time())

request = function()
  local path = "/api/v1/projects/" .. project .. "/environments/production/flags/flag-" ..
      math.random(0, flags - 1) .. "/impact?window=24h"
  return wrk.format("GET", path, {["Authorization"] = "Bearer dev-admin-token"})
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d req_per_s=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
