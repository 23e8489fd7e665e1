-- wrk script: POST an OFREP single-flag evaluation with a random targeting key per request.
local counter = 0
math.randomseed(os.time())

request = function()
  counter = counter + 1
  local body = string.format(
    '{"context":{"targetingKey":"user-%d-%d","email":"u%d@example.com","plan":"pro","appVersion":"2.%d.0","country":"de"}}',
    math.random(1, 1000000000), counter, counter % 1000, counter % 20)
  return wrk.format("POST", wrk.path, wrk.headers, body)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests_per_s=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests))
end
