// The pure dashboard.
