package controlplane

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
)

// Server handles the control plane's HTTP API. It keeps no state between
// requests; everything durable goes through the Store.
type Server struct {
	store *Store
}

// NewServer returns a Server backed by store.
func NewServer(store *Store) *Server {
	return &Server{store: store}
}

// CreateAppRequest is the body of POST /v1/apps.
type CreateAppRequest struct {
	Name string `json:"name"`
}

// App is what the API returns for an app.
type App struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// CreateApp records a new app.
func (s *Server) CreateApp(ctx context.Context, req CreateAppRequest) (App, error) {
	if req.Name == "" {
		return App{}, errors.New("controlplane: app name is required")
	}
	id, err := s.store.InsertApp(ctx, req.Name)
	if err != nil {
		return App{}, err
	}
	return App{ID: id, Name: req.Name}, nil
}

// ServeHTTP routes API requests.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && r.URL.Path == "/v1/apps" {
		var req CreateAppRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		app, err := s.CreateApp(r.Context(), req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusUnprocessableEntity)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(app)
		return
	}
	http.NotFound(w, r)
}
