"""The shared registers every area uses: people, organisations, countries and regions."""
