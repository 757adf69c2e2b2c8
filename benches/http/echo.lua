-- wrk script: POST a JSON message to /echo.
wrk.method = "POST"
wrk.path = "/echo"
wrk.body = '{"id":42,"name":"gopher","tags":["go","wasm","gc"],"score":98.6}'
wrk.headers["Content-Type"] = "application/json"
