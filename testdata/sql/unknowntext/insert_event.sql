INSERT INTO events (id, kind) VALUES ($1, $2)
