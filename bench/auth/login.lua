-- wrk: sign in over and over as the benchmark user (argon2id on every request).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"bench@example.fr","password":"benchmark-password"}'
