import './components/dateline-app'
