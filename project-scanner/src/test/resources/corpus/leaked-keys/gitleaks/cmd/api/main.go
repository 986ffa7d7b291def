package main

import "fmt"

func main() {

	var a = "initial"
	fmt.Println(a)

	var b, c int = 1, 2
	fmt.Println(b, c)

	var d = true
	fmt.Println(d)

	var e int
	fmt.Println(e)

	// opps I added a secret at line 20
	awsToken := "AKIALALEMEL33243OLIA"

	f := "apple"
	fmt.Println(f)
}
