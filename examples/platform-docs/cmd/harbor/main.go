// Command harbor is the Harbor command-line client.
package main

import (
	"fmt"
	"os"
)

func usage() {
	fmt.Fprintln(os.Stderr, "usage: harbor deploy | harbor node (cordon|uncordon|drain) NODE [--timeout D]")
	os.Exit(2)
}

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	switch os.Args[1] {
	case "deploy":
		runDeploy(os.Args[2:])
	case "node":
		runNode(os.Args[2:])
	default:
		usage()
	}
}

// runDeploy uploads the current directory and creates a release.
func runDeploy(args []string) {
	fmt.Println("deploying", len(args), "extra arguments ignored in this example")
}

// runNode handles cordon, uncordon and drain.
func runNode(args []string) {
	if len(args) < 2 {
		usage()
	}
	fmt.Printf("node %s %s requested\n", args[0], args[1])
}
