module gowasm.dev

go 1.26
