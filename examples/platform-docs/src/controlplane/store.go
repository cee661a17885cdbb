package controlplane

import (
	"context"
	"database/sql"
	"errors"
)

// ErrRevisionConflict means another writer changed the row since it was read.
var ErrRevisionConflict = errors.New("controlplane: revision conflict")

// Store is the only code that talks to the state database (ADR 0001).
type Store struct {
	db *sql.DB
}

// NewStore wraps an open database handle.
func NewStore(db *sql.DB) *Store {
	return &Store{db: db}
}

// InsertApp records a new app and returns its ID.
func (s *Store) InsertApp(ctx context.Context, name string) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO apps (name, revision) VALUES ($1, 1) RETURNING id`, name).Scan(&id)
	return id, err
}

// UpdateInstanceNode assigns a node to an instance if the row is still at the
// revision the caller read.
func (s *Store) UpdateInstanceNode(ctx context.Context, instanceID, node string, revision int64) error {
	res, err := s.db.ExecContext(ctx,
		`UPDATE instances SET node = $1, revision = revision + 1 WHERE id = $2 AND revision = $3`,
		node, instanceID, revision)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrRevisionConflict
	}
	return nil
}
