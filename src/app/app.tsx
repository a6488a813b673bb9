export function App() {
  return <main>Durand Line incident map</main>;
}
